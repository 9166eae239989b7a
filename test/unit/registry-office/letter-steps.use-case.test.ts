// The steps' use cases with in-memory ports: an answer waiting for an approval takes no number, a signed answer
// is dispatched, two approvers' decisions on the same version end in one write and one 409, and a priority change
// counts the deadline with the commune's periods and holidays read in one go.
import { describe, expect, it, vi } from 'vitest';
import { answerIncomingLetter } from '../../../functions/registry-office/application/answer-letter.use-case.ts';
import { changeLetterPriority, decideLetterApproval, dispatchOutgoingLetter, giveLetterOpinion, signOutgoingLetter } from '../../../functions/registry-office/application/letter-steps.use-cases.ts';
import type { RegistryOfficeDependencies, RegistryOfficeRepository } from '../../../functions/registry-office/application/registry-office.ports.ts';
import { DEFAULT_PROCESSING_DAYS, processingClock } from '../../../functions/registry-office/domain/letter-deadline.ts';
import { registerLetter, routeLetter, type Letter, type LetterChange } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';
import { defaultSettings } from '../../../functions/registry-office/domain/registry-settings.ts';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ConflictError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';

const clerk = { sub: 'clerk-1', roles: ['clerk'], commune: 'rabat' } as Principal;
const recipient = { sub: 'agent-voirie', roles: ['agent'], commune: 'rabat' } as Principal;
const approver = { sub: 'agent-chef', roles: ['agent'], commune: 'rabat' } as Principal;
const adviser = { sub: 'agent-dgs', roles: ['agent'], commune: 'rabat' } as Principal;
const secondApprover = { sub: 'agent-sg', roles: ['agent'], commune: 'rabat' } as Principal;
const president = { sub: 'president-rabat', roles: ['president'], commune: 'rabat' } as Principal;
const receivedAt = new Date('2026-06-01T09:00:00Z');
const now = new Date('2026-06-02T09:00:00Z');

function routedLetter(): Letter {
  const { letter } = registerLetter(
    {
      id: 'letter-1',
      commune: 'rabat',
      register: 'incoming',
      channel: 'post',
      sender: { name: 'Atlas' },
      subject: 'Objet',
      confidentiality: 'normal',
      priority: 'normal',
      clock: processingClock('normal', DEFAULT_PROCESSING_DAYS, receivedAt, new Set()),
    },
    { format: DEFAULT_NUMBER_FORMAT, sequence: 1 },
    { sub: clerk.sub, role: 'clerk' },
    receivedAt,
  );
  const diffusion = [
    { mode: 'recipient', sub: recipient.sub },
    { mode: 'opinion', sub: adviser.sub },
    { mode: 'approval', sub: approver.sub },
    { mode: 'approval', sub: secondApprover.sub },
    { mode: 'signature', sub: 'agent-delegue' },
  ] as const;
  return routeLetter(letter, 'voirie', diffusion, { sub: clerk.sub, role: 'clerk' }, receivedAt).letter;
}

/** Letters kept by id, each written only over the version it was read at, as the table's conditional writes do. */
function inMemory(letters: Letter[]) {
  const stored = new Map(letters.map((letter) => [letter.id, letter]));
  const saved: LetterChange[] = [];
  const conditional = (change: LetterChange) => {
    if (stored.get(change.letter.id)?.version !== change.letter.version - 1) throw new ConflictError({ ar: 'تعارض', fr: 'Conflit', en: 'Conflict' });
    stored.set(change.letter.id, change.letter);
    saved.push(change);
  };
  const repository = {
    get: vi.fn(async (id: string) => stored.get(id)),
    save: vi.fn(async (change: LetterChange) => conditional(change)),
    loadRegistration: vi.fn(async () => ({ communeExists: true, settings: defaultSettings('rabat'), lastSequence: 0, holidays: new Set<string>() })),
    create: vi.fn(async (change: LetterChange, _previous: number, alongside?: LetterChange) => {
      stored.set(change.letter.id, change.letter);
      if (alongside) conditional(alongside);
      return 'created' as const;
    }),
    deadlineBasis: vi.fn(async () => ({ settings: { ...defaultSettings('rabat'), processingDays: { urgent: 2, normal: 10 } }, holidays: new Set(['2026-06-02']) })),
  } as Partial<RegistryOfficeRepository> as RegistryOfficeRepository;
  const dependencies: RegistryOfficeDependencies = {
    repository,
    identifiers: { newLetterId: () => 'answer-1', letterIdFor: () => 'answer-1', newLookupCode: () => '01234-56789-ABCDE-FGHJK' },
    pauseBeforeRetry: async () => {},
  };
  return { dependencies, repository, stored, saved };
}

const answer = { subject: 'Réponse', channel: 'post' } as const;

describe('the steps of a letter', () => {
  it('gives no number to an answer while an approval is awaited', async () => {
    const { dependencies, repository } = inMemory([routedLetter()]);

    await expect(answerIncomingLetter(dependencies, 'letter-1', answer, recipient, { now })).rejects.toThrow(InvalidStateError);
    expect(repository.loadRegistration).not.toHaveBeenCalled();
    expect(repository.create).not.toHaveBeenCalled();
  });

  it('answers once approved, and the answer is dispatched only after its signature', async () => {
    const { dependencies, repository, stored } = inMemory([routedLetter()]);
    await giveLetterOpinion(repository, 'letter-1', 'Budget disponible', adviser, now);
    await decideLetterApproval(repository, 'letter-1', { decision: 'approved' }, approver, now);
    await decideLetterApproval(repository, 'letter-1', { decision: 'approved' }, secondApprover, now);

    const outgoing = await answerIncomingLetter(dependencies, 'letter-1', answer, recipient, { now });
    expect(outgoing).toMatchObject({ register: 'outgoing', signature: { signers: ['agent-delegue'] } });
    await expect(dispatchOutgoingLetter(repository, outgoing.id, { channel: 'post' }, clerk, now)).rejects.toThrow(/awaits its signature/);
    await expect(signOutgoingLetter(repository, outgoing.id, approver, now)).rejects.toThrow(/president or the delegate/);
    await signOutgoingLetter(repository, outgoing.id, president, now);
    const dispatched = await dispatchOutgoingLetter(repository, outgoing.id, { channel: 'post' }, clerk, now);

    expect(dispatched.dispatch).toMatchObject({ channel: 'post', by: { sub: clerk.sub, role: 'clerk' } });
    expect(stored.get('letter-1')).toMatchObject({ status: 'answered', answer: { letterId: outgoing.id } });
  });

  it('lets one of two decisions made on the same version win, and tells the other 409', async () => {
    const { repository, saved } = inMemory([routedLetter()]);
    const read = (await repository.get('letter-1'))!;
    // Both read the same version before either writes.
    vi.mocked(repository.get).mockResolvedValue(read);

    const outcomes = await Promise.allSettled([
      decideLetterApproval(repository, 'letter-1', { decision: 'approved' }, approver, now),
      decideLetterApproval(repository, 'letter-1', { decision: 'refused', reason: 'Incomplet' }, secondApprover, now),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(saved.map((change) => change.event.type)).toEqual(['approval-given']);
  });

  it("counts a new priority's deadline with the commune's periods and holidays now, and refuses anyone but a clerk", async () => {
    const { repository, saved } = inMemory([routedLetter()]);

    await expect(changeLetterPriority(repository, 'letter-1', 'urgent', recipient, now)).rejects.toThrow(/registry clerks/);
    expect(repository.deadlineBasis).not.toHaveBeenCalled();
    const changed = await changeLetterPriority(repository, 'letter-1', 'urgent', clerk, now);

    expect(repository.deadlineBasis).toHaveBeenCalledWith('rabat', [2026, 2027]);
    // Two working days after Monday 1 June, Tuesday 2 June being a holiday here: Thursday 4 June.
    expect(changed).toMatchObject({ priority: 'urgent', clock: { period: { days: 2 }, dueDate: '2026-06-04', holidays: ['2026-06-02'] } });
    expect(saved[0]?.outbox?.map((event) => event.type)).toEqual(['letter.deadline-watched']);

    // A retry finds it at that priority: nothing is read again nor written.
    const retried = await changeLetterPriority(repository, 'letter-1', 'urgent', clerk, now);
    expect(retried).toEqual(changed);
    expect(repository.deadlineBasis).toHaveBeenCalledTimes(1);
    expect(saved).toHaveLength(1);
  });
});
