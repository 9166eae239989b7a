// The majority rules and the president's casting vote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, VOTE_CHOICES, type NamedVote } from '../../../functions/councils/domain/vote.ts';

const votesArbitrary = fc.array(fc.constantFrom(...VOTE_CHOICES), { maxLength: 80 }).map((choices) => choices.map((choice, index): NamedVote => ({ member: `m${index}`, choice })));

describe('a votes-cast majority', () => {
  it('adopts with more for than against, and on a tie follows the president only when the settings say so', () => {
    fc.assert(
      fc.property(votesArbitrary, fc.constantFrom(...VOTE_CHOICES), fc.boolean(), (votes, presidentChoice, presidentDecidesTie) => {
        const result = decide(votes, { rule: 'votes-cast', inOffice: 80, presidentChoice, presidentDecidesTie });
        const count = (choice: string) => votes.filter((vote) => vote.choice === choice).length;
        const [yes, no] = [count('for'), count('against')];
        const tieDecided = yes === no && yes > 0 && presidentDecidesTie && (presidentChoice === 'for' || presidentChoice === 'against');
        expect(result.tieDecidedByPresident).toBe(tieDecided);
        expect(result.outcome).toBe(tieDecided ? (presidentChoice === 'for' ? 'adopted' : 'rejected') : yes > no ? 'adopted' : 'rejected');
        expect(Object.values(result.counts).reduce((sum, n) => sum + n, 0)).toBe(votes.length);
      }),
    );
  });

  it('decides 1 for, 1 against, 1 abstention by the president', () => {
    const votes: NamedVote[] = [{ member: 'p', choice: 'for' }, { member: 'a', choice: 'against' }, { member: 'b', choice: 'abstain' }];
    expect(decide(votes, { rule: 'votes-cast', inOffice: 9, presidentChoice: 'for', presidentDecidesTie: true })).toMatchObject({ outcome: 'adopted', tieDecidedByPresident: true, required: 2 });
  });
});

describe('an absolute majority of the members in office', () => {
  it('needs more than half of the members in office voting for, whatever the others', () => {
    fc.assert(
      fc.property(votesArbitrary, fc.integer({ min: 1, max: 120 }), (votes, inOffice) => {
        const result = decide(votes, { rule: 'members-in-office', inOffice, presidentDecidesTie: true, presidentChoice: 'for' });
        const yes = votes.filter((vote) => vote.choice === 'for').length;
        expect(result.outcome).toBe(yes * 2 > inOffice ? 'adopted' : 'rejected');
        expect(result.tieDecidedByPresident).toBe(false);
      }),
    );
  });
});
