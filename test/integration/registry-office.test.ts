// The registry office on DynamoDB Local: gapless numbering under concurrent registrations, idempotent creates,
// cancellation that keeps the number, an answer numbered in the outgoing register with the incoming letter's change, the lookup that tells an unknown number from a wrong code by nothing, and
// version-conditional changes that let one of two racing clerks win; the processing deadline's reminders, its lapse
// and the overdue list; the search of a register; the steps of a diffusion list in their people's queues (two
// racing approvers, one winning), the answer's signature and dispatch; a priority change; the acknowledgment named;
// the settings' versions kept.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRegistryOfficeRepository } from '../../functions/registry-office/adapters/dynamodb-registry-office.repository.ts';
import { jitteredPause } from '../../functions/registry-office/adapters/jittered-pause.ts';
import { registryIdentifiers } from '../../functions/registry-office/adapters/registry-identifiers.ts';
import { checkLetterDeadline, sweepOverdueLetters } from '../../functions/registry-office/application/letter-deadline.use-cases.ts';
import { indexLetterForSearch, searchRegister, type RegisterSearch } from '../../functions/registry-office/application/search-letters.use-cases.ts';
import { answerIncomingLetter } from '../../functions/registry-office/application/answer-letter.use-case.ts';
import { cancelRegisteredLetter, classifyRegisteredLetter, closeAssignedLetter, routeRegisteredLetter } from '../../functions/registry-office/application/change-letter.use-cases.ts';
import { getLetter, lettersAwaitingSteps, lookUpLetter, overdueLetters, readRegister, serviceQueue } from '../../functions/registry-office/application/letter-queries.use-cases.ts';
import { changeLetterPriority, decideLetterApproval, dispatchOutgoingLetter, giveLetterOpinion, signOutgoingLetter } from '../../functions/registry-office/application/letter-steps.use-cases.ts';
import { registerIncomingLetter, type LetterRequest } from '../../functions/registry-office/application/register-letter.use-case.ts';
import type { RegistryOfficeDependencies } from '../../functions/registry-office/application/registry-office.ports.ts';
import { setSettings, settingsHistory } from '../../functions/registry-office/application/registry-settings.use-cases.ts';
import { LETTER_CLASSIFIED, cancelLetter } from '../../functions/registry-office/domain/letter.ts';
import { decideApproval } from '../../functions/registry-office/domain/letter-steps.ts';
import { registryOfficeService } from '../../functions/registry-office/registry-office.service.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../functions/shared/errors/domain-errors.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';

const clerk: Principal = { sub: 'clerk-rabat', roles: ['clerk'], commune: 'rabat' };
const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const clerkActor = { sub: clerk.sub, role: 'clerk' } as const;
const now = new Date('2026-06-15T09:00:00Z');
const letter = (subject: string, commune = 'rabat'): LetterRequest => ({
  commune,
  register: 'incoming',
  channel: 'post',
  sender: { name: 'Société Atlas Travaux' },
  subject,
  category: 'request',
  confidentiality: 'normal',
  priority: 'normal',
});

let dependencies: RegistryOfficeDependencies;
let repository: DynamoDbRegistryOfficeRepository;
let table: string;

async function itemCount(): Promise<number> {
  const output = await localDocumentClient().send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true }));
  return output.Count ?? 0;
}

describe('the registry office on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(registryOfficeService.tables ?? []);
    table = names['registry-office']!;
    repository = new DynamoDbRegistryOfficeRepository(localDocumentClient(), table, () => names.reference!);
    dependencies = { repository, identifiers: registryIdentifiers, pauseBeforeRetry: jitteredPause };
  });

  it('gives 50 letters registered at once the numbers 1 to 50, each once', { timeout: 120_000 }, async () => {
    const registered = await Promise.all(
      Array.from({ length: 50 }, (_, index) => registerIncomingLetter(dependencies, { ...letter(`Lettre ${index}`), register: 'internal' }, clerkActor, { now })),
    );

    expect(registered.map(({ letter }) => letter.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(new Set(registered.map(({ letter }) => letter.number)).size).toBe(50);
    const register = await readRegister(repository, { commune: 'rabat', register: 'internal', year: 2026 }, auditor, { limit: 100 });
    expect(register.items.map((item) => item.number)).toEqual(Array.from({ length: 50 }, (_, index) => `2026/I/${String(index + 1).padStart(6, '0')}`));
  });

  it('answers a retry with the same Idempotency-Key with the first letter and its number, numbering nothing', async () => {
    const first = await registerIncomingLetter(dependencies, letter('Retry'), clerkActor, { now, idempotencyKey: 'retry-key-1' });
    const retry = await registerIncomingLetter(dependencies, letter('Retry'), clerkActor, { now, idempotencyKey: 'retry-key-1' });
    const next = await registerIncomingLetter(dependencies, letter('Next'), clerkActor, { now });

    expect(retry.letter).toEqual(first.letter);
    expect(first.lookupCode).toBeDefined();
    expect(retry.lookupCode).toBeUndefined();
    expect(next.letter.sequence).toBe(first.letter.sequence + 1);
  });

  it('refuses a letter to an unknown commune and writes nothing', async () => {
    const before = await itemCount();

    await expect(registerIncomingLetter(dependencies, letter('Nowhere', 'atlantis'), clerkActor, { now })).rejects.toThrow(ValidationFailedError);

    expect(await itemCount()).toBe(before);
  });

  it('keeps a cancelled letter in the register under its number, with the reason', async () => {
    const { letter: registered } = await registerIncomingLetter(dependencies, { ...letter('Doublon'), register: 'outgoing' }, clerkActor, { now });

    await cancelRegisteredLetter(repository, registered.id, 'Enregistré deux fois', clerk, now);

    const register = await readRegister(repository, { commune: 'rabat', register: 'outgoing', year: 2026 }, auditor, { limit: 10 });
    expect(register.items).toEqual([expect.objectContaining({ number: registered.number, status: 'cancelled', cancellation: expect.objectContaining({ reason: 'Enregistré deux fois' }) })]);
  });

  it('lets one of two clerks changing the same version win, the other getting a conflict', async () => {
    const { letter: registered } = await registerIncomingLetter(dependencies, letter('Race'), clerkActor, { now });
    const changes = [cancelLetter(registered, 'Premier', clerkActor, now), cancelLetter(registered, 'Second', clerkActor, now)];

    const outcomes = await Promise.allSettled(changes.map((change) => repository.save(change)));

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')?.reason).toBeInstanceOf(ConflictError);
  });

  it('finds a letter by its number and code, and answers a wrong code as an unknown number', async () => {
    const { letter: registered, lookupCode } = await registerIncomingLetter(dependencies, letter('Où est ma lettre'), clerkActor, { now });

    const standing = await lookUpLetter(repository, { commune: 'rabat', number: registered.number, code: lookupCode! });
    const wrongCode = await lookUpLetter(repository, { commune: 'rabat', number: registered.number, code: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' }).catch((error: unknown) => error);
    const unknownNumber = await lookUpLetter(repository, { commune: 'rabat', number: '2026/A/999999', code: lookupCode! }).catch((error: unknown) => error);

    expect(standing).toEqual({ number: registered.number, commune: 'rabat', register: 'incoming', receivedAt: registered.receivedAt, status: 'registered' });
    expect(wrongCode).toBeInstanceOf(NotFoundError);
    expect(unknownNumber).toBeInstanceOf(NotFoundError);
    expect((wrongCode as NotFoundError).localizedDetail).toEqual((unknownNumber as NotFoundError).localizedDetail);
  });

  it("answers a routed letter with an outgoing letter of the outgoing register, in the same transaction, once", async () => {
    const agent: Principal = { sub: 'agent-voirie', roles: ['agent'], commune: 'tanger' };
    const { letter: incoming } = await registerIncomingLetter(dependencies, letter('À répondre', 'tanger'), clerkActor, { now });
    const tangerClerk: Principal = { ...clerk, commune: 'tanger' };
    await routeRegisteredLetter(repository, incoming.id, { service: 'voirie', recipient: agent.sub, copies: ['agent-dgs'] }, tangerClerk, now);
    expect((await serviceQueue(repository, { commune: 'tanger', service: 'voirie' }, agent, { limit: 10 })).items.map((item) => item.id)).toEqual([incoming.id]);

    const answer = { subject: 'Réponse', channel: 'post' } as const;
    const outgoing = await answerIncomingLetter(dependencies, incoming.id, answer, agent, { now, idempotencyKey: 'answer-key-1' });
    const retried = await answerIncomingLetter(dependencies, incoming.id, answer, agent, { now, idempotencyKey: 'answer-key-1' });

    expect(outgoing).toMatchObject({ register: 'outgoing', sequence: 1, number: '2026/D/000001', answers: { letterId: incoming.id, number: incoming.number }, sender: incoming.sender });
    expect(retried).toEqual(outgoing);
    expect(await repository.get(incoming.id)).toMatchObject({ status: 'answered', answer: { letterId: outgoing.id, number: outgoing.number } });
    const closed = await closeAssignedLetter(repository, incoming.id, 'Classé', agent, now);
    expect(closed.status).toBe('closed');
    expect((await serviceQueue(repository, { commune: 'tanger', service: 'voirie' }, agent, { limit: 10 })).items).toEqual([]);
  });

  it("lists each awaited step in its person's queue on the index, lets one of two racing approvers win, and follows the answer to its signature", async () => {
    const oujda: Principal = { ...clerk, commune: 'oujda' };
    const staff = (sub: string, roles: Principal['roles'] = ['agent']): Principal => ({ sub, roles, commune: 'oujda' });
    const [recipient, adviser, chief, secretary, president] = [staff('agent-voirie'), staff('agent-dgs'), staff('agent-chef'), staff('agent-sg'), staff('president-oujda', ['president'])];
    const { letter: incoming } = await registerIncomingLetter(dependencies, letter('Avec visas', 'oujda'), clerkActor, { now });
    await routeRegisteredLetter(repository, incoming.id, { service: 'voirie', recipient: recipient.sub, opinion: [adviser.sub], approval: [chief.sub, secretary.sub], signature: [president.sub] }, oujda, now);
    const queueOf = async (principal: Principal) => (await lettersAwaitingSteps(repository, principal, { limit: 10 })).items.map((item) => item.id);
    expect(await queueOf(adviser)).toEqual([incoming.id]);
    expect(await queueOf(chief)).toEqual([incoming.id]);
    expect(await queueOf(recipient)).toEqual([]);

    await giveLetterOpinion(repository, incoming.id, 'Favorable', adviser, now);
    expect(await queueOf(adviser)).toEqual([]);
    // Both decided on the letter at the same version: the table takes one decision, the other is told to reload.
    const read = (await repository.get(incoming.id))!;
    const approvers = [chief, secretary];
    const decisions = approvers.map((approver) => decideApproval(read, { decision: 'approved' }, { sub: approver.sub, role: 'agent' }, now));
    const raced = await Promise.allSettled(decisions.map((decision) => repository.save(decision)));
    expect(raced.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const loser = raced.findIndex((outcome) => outcome.status === 'rejected');
    expect((raced[loser] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    await decideLetterApproval(repository, incoming.id, { decision: 'approved' }, approvers[loser]!, now);

    const outgoing = await answerIncomingLetter(dependencies, incoming.id, { subject: 'Réponse', channel: 'post' }, recipient, { now });
    expect(await queueOf(president)).toEqual([outgoing.id]);
    await signOutgoingLetter(repository, outgoing.id, president, now);
    expect(await queueOf(president)).toEqual([]);
    const dispatched = await dispatchOutgoingLetter(repository, outgoing.id, { channel: 'hand-delivery', receivedBy: 'M. Alami' }, oujda, now);
    expect(dispatched.dispatch).toMatchObject({ channel: 'hand-delivery', receivedBy: 'M. Alami' });
    expect((await repository.history(outgoing.id, { limit: 10 })).items.map((event) => event.type)).toEqual(['registered', 'signed', 'dispatched']);
  });

  it("counts a letter's deadline again on a priority change with the commune's periods, and names its acknowledgment once recorded", async () => {
    const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
    await setSettings(repository, 'fes', { numberFormat: { template: '{year}/{register}/{sequence}', sequenceDigits: 6, registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' } }, processingDays: { urgent: 2, normal: 10 } }, admin, now);
    const fes: Principal = { ...clerk, commune: 'fes' };
    const { letter: registered } = await registerIncomingLetter(dependencies, letter('Priorité', 'fes'), clerkActor, { now });

    const changed = await changeLetterPriority(repository, registered.id, 'urgent', fes, now);

    // Two working days from Tuesday 16 June 2026, the estimated 1 Muharram, a holiday: 17 and 18 June.
    expect(changed).toMatchObject({ priority: 'urgent', clock: { period: { days: 2 }, dueDate: '2026-06-18' }, version: 2 });
    const watched = (await outboxEventsAbout(table, registered.id)).filter((event) => event.type === 'letter.deadline-watched');
    expect(watched.map((event) => event.data)).toEqual([
      { letterId: registered.id, version: 1 },
      { letterId: registered.id, version: 2 },
    ]);

    expect((await getLetter(repository, registered.id, fes)).acknowledgment).toBeUndefined();
    await repository.recordAcknowledgment(registered.id, { number: 'ACK-TEST', issuedAt: now.toISOString() });
    expect((await getLetter(repository, registered.id, fes)).acknowledgment).toEqual({ number: 'ACK-TEST', issuedAt: now.toISOString(), href: `/v1/registry/letters/${registered.id}/acknowledgment` });
    expect((await getLetter(repository, registered.id, { sub: 'agent-1', roles: ['agent'], commune: 'fes' })).acknowledgment).toBeUndefined();
    // Off the open deadlines, which the sweep of the next test reads across every commune.
    await cancelRegisteredLetter(repository, registered.id, 'Fin de l’essai', fes, now);
  });

  it('reminds the recipient at half and four fifths of the time, then records the lapse, which the overdue list shows', async () => {
    const marrakech: Principal = { ...clerk, commune: 'marrakech' };
    const { letter: registered } = await registerIncomingLetter(dependencies, { ...letter('Urgent', 'marrakech'), priority: 'urgent' }, clerkActor, { now });
    await routeRegisteredLetter(repository, registered.id, { service: 'voirie', recipient: 'agent-voirie' }, marrakech, now);
    const dueAt = Date.parse(registered.clock!.dueAt);
    const at = (fraction: number) => new Date(now.getTime() + (dueAt - now.getTime()) * fraction + 1000);

    const early = await checkLetterDeadline(repository, registered.id, new Date(now.getTime() + 60_000));
    const half = await checkLetterDeadline(repository, registered.id, at(0.5));
    const late = await checkLetterDeadline(repository, registered.id, at(0.8));
    const swept = await sweepOverdueLetters(repository, new Date(dueAt + 60_000));

    // Three working days from Tuesday 16 June 2026, the estimated 1 Muharram, a holiday: 17, 18 and 19 June.
    expect(registered.clock).toMatchObject({ period: { days: 3, unit: 'working' }, dueDate: '2026-06-19' });
    expect(early).toMatchObject({ state: 'running' });
    expect(half).toMatchObject({ state: 'running' });
    expect(late).toMatchObject({ state: 'running', wakeAt: expect.any(String) });
    expect(swept).toMatchObject({ lapsed: 1 });
    const told = (await outboxEventsAbout(table, registered.id)).filter((event) => event.type === 'notification.requested');
    expect(told.map((event) => (event.data as { recipient: string }).recipient)).toEqual(['agent-voirie', 'agent-voirie']);
    const history = await repository.history(registered.id, { limit: 10 });
    expect(history.items.map((event) => event.type)).toEqual(['registered', 'routed', 'reminded', 'reminded', 'deadline-lapsed']);
    const overdue = await overdueLetters(repository, 'marrakech', auditor);
    expect(overdue).toEqual({ services: [{ service: 'voirie', count: 1, letters: [{ id: registered.id, number: registered.number, dueAt: new Date(dueAt).toISOString() }] }] });
  });

  it('writes the hand-over of a letter classified as a complaint in the outbox, with the receipt instant', async () => {
    const { letter: registered } = await registerIncomingLetter(dependencies, letter('Plainte'), clerkActor, { now });

    await classifyRegisteredLetter(repository, registered.id, { category: 'complaint', confidentiality: 'normal' }, clerk, now);

    const handedOver = (await outboxEventsAbout(table, registered.id)).filter((event) => event.type === LETTER_CLASSIFIED);
    expect(handedOver.map((event) => event.data)).toEqual([
      { dataVersion: 2, letterId: registered.id, commune: 'rabat', number: registered.number, category: 'complaint', receivedAt: registered.receivedAt, subject: registered.subject, sender: registered.sender },
    ]);
  });

  it('searches a register by subject words in either script, sender, dates, status, service and number, without a Scan', async () => {
    const agadir: Principal = { ...clerk, commune: 'agadir' };
    const register = async (subject: string, sender: string, at: Date) => {
      const { letter: registered } = await registerIncomingLetter(dependencies, { ...letter(subject, 'agadir'), sender: { name: sender } }, clerkActor, { now: at });
      for (const event of await outboxEventsAbout(table, registered.id)) if (event.type === 'letter.registered') await indexLetterForSearch(repository, event);
      return registered;
    };
    const lighting = await register('Éclairage public en panne, quartier Talborjt', 'Association Talborjt', new Date('2026-06-10T09:00:00Z'));
    const complaint = await register('شكاية بخصوص الإنارة العمومية', 'جمعية الحي', new Date('2026-06-12T09:00:00Z'));
    const road = await register('Réfection de la chaussée', 'Société Atlas Travaux', new Date('2026-06-15T09:00:00Z'));
    await routeRegisteredLetter(repository, road.id, { service: 'voirie', recipient: 'agent-voirie' }, agadir, now);
    const found = async (search: Omit<RegisterSearch, 'commune' | 'year'>) =>
      (await searchRegister(repository, { commune: 'agadir', year: 2026, ...search }, auditor, { limit: 25 })).items.map((item) => item.id);

    expect(await found({ words: 'eclairage PUBLIC' })).toEqual([lighting.id]);
    expect(await found({ words: 'الانارة' })).toEqual([complaint.id]);
    expect(await found({ sender: 'atlas' })).toEqual([road.id]);
    expect(await found({ from: '2026-06-11', to: '2026-06-15' })).toEqual([road.id, complaint.id]);
    expect(await found({ status: 'assigned', service: 'voirie' })).toEqual([road.id]);
    expect(await found({ number: complaint.number })).toEqual([complaint.id]);
    expect(await found({ words: 'eclairage', sender: 'atlas' })).toEqual([]);
  });

  it("numbers with the commune's own format once an administrator sets it", async () => {
    const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
    await setSettings(repository, 'casablanca', { numberFormat: { template: 'bo-{register}/{year}/{sequence}', sequenceDigits: 4, registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' } }, processingDays: { urgent: 2, normal: 10 } }, admin, now);

    const { letter: registered } = await registerIncomingLetter(dependencies, letter('Format', 'casablanca'), clerkActor, { now });

    expect(registered.number).toBe('bo-A/2026/0001');
  });

  it('keeps every version of the settings an administrator set, read by auditors and not by clerks', async () => {
    const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
    const format = { template: '{year}/{register}/{sequence}', sequenceDigits: 6, registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' } };
    await setSettings(repository, 'tamesna', { numberFormat: format, processingDays: { urgent: 3, normal: 15 } }, admin, now);
    await setSettings(repository, 'tamesna', { numberFormat: format, processingDays: { urgent: 2, normal: 10 } }, admin, new Date('2026-06-16T09:00:00Z'));

    const history = await settingsHistory(repository, 'tamesna', auditor, { limit: 10 });

    expect(history.items.map((version) => [version.version, version.processingDays, version.updatedAt])).toEqual([
      [1, { urgent: 3, normal: 15 }, now.toISOString()],
      [2, { urgent: 2, normal: 10 }, '2026-06-16T09:00:00.000Z'],
    ]);
    await expect(settingsHistory(repository, 'tamesna', { ...clerk, commune: 'tamesna' }, { limit: 10 })).rejects.toThrow(ForbiddenError);
    await expect(settingsHistory(repository, 'atlantis', auditor, { limit: 10 })).rejects.toThrow(NotFoundError);
  });
});
