// Named votes on an agenda item and the majority rule that decides it: counts by choice, the rule applied, and
// whether the president's vote settled a tie. Pure.
import { quorumOf } from './council-body.ts';
import type { MajorityRule } from './council-settings.ts';

export const VOTE_CHOICES = ['for', 'against', 'abstain', 'not-voting', 'conflict'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface NamedVote {
  readonly member: string;
  readonly choice: VoteChoice;
  /** The present member who cast it for an absent one, by proxy. */
  readonly byProxyOf?: string;
}

export type VoteCounts = Readonly<Record<VoteChoice, number>>;

export interface VoteResult {
  readonly outcome: 'adopted' | 'rejected';
  readonly rule: MajorityRule;
  /** Votes for needed to adopt under the rule (a votes-cast majority: more than against). */
  readonly required: number;
  readonly counts: VoteCounts;
  /** Whether the votes for and against were equal and the president's vote decided. */
  readonly tieDecidedByPresident: boolean;
}

export function countVotes(votes: readonly NamedVote[]): VoteCounts {
  const counts: Record<VoteChoice, number> = { for: 0, against: 0, abstain: 0, 'not-voting': 0, conflict: 0 };
  for (const vote of votes) counts[vote.choice] += 1;
  return counts;
}

export interface Decision {
  readonly rule: MajorityRule;
  readonly inOffice: number;
  /** What the president voted, if they voted. */
  readonly presidentChoice?: VoteChoice;
  readonly presidentDecidesTie: boolean;
}

export function decide(votes: readonly NamedVote[], decision: Decision): VoteResult {
  const counts = countVotes(votes);
  if (decision.rule === 'members-in-office') {
    const required = quorumOf(decision.inOffice);
    return { outcome: counts.for >= required ? 'adopted' : 'rejected', rule: decision.rule, required, counts, tieDecidedByPresident: false };
  }
  const required = counts.against + 1;
  const tie = counts.for === counts.against && counts.for > 0;
  if (tie && decision.presidentDecidesTie && (decision.presidentChoice === 'for' || decision.presidentChoice === 'against')) {
    return { outcome: decision.presidentChoice === 'for' ? 'adopted' : 'rejected', rule: decision.rule, required, counts, tieDecidedByPresident: true };
  }
  return { outcome: counts.for > counts.against ? 'adopted' : 'rejected', rule: decision.rule, required, counts, tieDecidedByPresident: false };
}
