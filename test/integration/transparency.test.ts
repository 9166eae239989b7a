// Access to information on DynamoDB Local: a retried filing meets its first write, two agents answering at once end
// with one answer and a refusal for the other, the queue lists soonest due first and a lapse takes the request off
// it, the sweep lapses what no workflow did, a hand-over from the registry office delivered twice opens one
// request, and the settings' versions.
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbTransparencyRepository } from '../../functions/transparency/adapters/dynamodb-transparency.repository.ts';
import { transparencyIdentifiers } from '../../functions/transparency/adapters/transparency-identifiers.ts';
import { answer } from '../../functions/transparency/application/change-request.use-cases.ts';
import { fileRequest, openFromRegistryLetter, type AskedInformation } from '../../functions/transparency/application/open-request.use-cases.ts';
import { checkRequestDeadline, sweepOverdueRequests } from '../../functions/transparency/application/request-deadline.use-cases.ts';
import type { TransparencyDependencies } from '../../functions/transparency/application/transparency.ports.ts';
import { setSettings } from '../../functions/transparency/application/transparency-settings.use-cases.ts';
import { transparencyService } from '../../functions/transparency/transparency.service.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ConflictError, InvalidStateError } from '../../functions/shared/errors/domain-errors.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';
import { readsTogether } from './reads-together.ts';

const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
const otherAgent: Principal = { sub: 'agent-rabat-2', roles: ['agent'], commune: 'rabat' };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
// Monday 15 June 2026, 10:00 in Morocco.
const now = new Date('2026-06-15T09:00:00Z');
const asked: AskedInformation = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  information: 'Le budget 2026',
  format: 'electronic',
};
const full = { outcome: 'full', summary: 'Le budget est joint', format: 'electronic' } as const;

let dependencies: TransparencyDependencies;
let repository: DynamoDbTransparencyRepository;
let table: string;

describe('access to information on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(transparencyService.tables ?? []);
    table = names.transparency!;
    repository = new DynamoDbTransparencyRepository(localDocumentClient(), table, () => names.reference!);
    dependencies = { repository, identifiers: transparencyIdentifiers };
  });

  it('answers a filing retried with the same key with the first request, and writes its events once', async () => {
    const [first, retried] = await Promise.all([fileRequest(dependencies, asked, citizen, { now, idempotencyKey: 'k-1' }), fileRequest(dependencies, asked, citizen, { now, idempotencyKey: 'k-1' })]);

    expect(retried.id).toBe(first.id);
    expect((await repository.history(first.id, { limit: 10 })).items.map((event) => event.type)).toEqual(['received']);
    expect((await outboxEventsAbout(table, first.id)).map((event) => event.type).sort()).toEqual(['information-request.counted', 'information-request.deadline-watched', 'notification.requested']);
  });

  it('lets one of two agents answering at once win, the other refused', async () => {
    const filed = await fileRequest(dependencies, asked, citizen, { now });

    const outcomes = await Promise.allSettled([answer(repository, filed.id, full, agent, now), answer(repository, filed.id, { outcome: 'refused', grounds: [{ ground: 'not-held', reason: 'Non détenu' }] }, otherAgent, now)]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    // The loser is refused at its write (a conflict) or, when the winner wrote before it read, at its read (answered already).
    const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect([ConflictError, InvalidStateError].some((kind) => lost.reason instanceof kind)).toBe(true);
    expect((await repository.history(filed.id, { limit: 10 })).items.map((event) => event.type)).toEqual(['received', 'answered']);
  });

  it('lists a commune queue soonest due first, and a lapse recorded by the check takes the request off it', async () => {
    const urgent = await fileRequest(dependencies, { ...asked, urgency: { justification: 'Danger' } }, citizen, { now });
    const normal = await fileRequest(dependencies, asked, citizen, { now });
    const queued = (await repository.queue('rabat', { limit: 100 })).items.map((item) => item.id);
    expect(queued.indexOf(urgent.id)).toBeLessThan(queued.indexOf(normal.id));

    const afterDue = new Date(Date.parse(urgent.clock.dueAt) + 1);
    expect(await checkRequestDeadline(repository, urgent.id, afterDue)).toEqual({ subject: urgent.id, state: 'lapsed' });
    expect(await checkRequestDeadline(repository, urgent.id, afterDue)).toEqual({ subject: urgent.id, state: 'lapsed' });

    expect((await repository.get(urgent.id))?.status).toBe('implicitly-refused');
    expect((await repository.history(urgent.id, { limit: 10 })).items.map((event) => event.type)).toEqual(['received', 'implicitly-refused']);
    expect((await repository.queue('rabat', { limit: 100 })).items.map((item) => item.id)).not.toContain(urgent.id);
  });

  it('sweeps the requests whose due instant passed without their workflow, and none twice', async () => {
    const forgotten = await fileRequest(dependencies, { ...asked, urgency: { justification: 'Danger' } }, citizen, { now });
    const later = new Date(Date.parse(forgotten.clock.dueAt) + 3_600_000);

    const swept = await sweepOverdueRequests(repository, later);

    expect(swept.lapsed).toBeGreaterThanOrEqual(1);
    expect((await repository.get(forgotten.id))?.status).toBe('implicitly-refused');
    expect((await sweepOverdueRequests(repository, later)).lapsed).toBe(0);
  });

  it('opens one request from a registry office hand-over delivered twice, its clock from the letter receipt instant', async () => {
    const handedOver = {
      dataVersion: 2,
      letterId: '0b9a0a0e-1111-4c2d-8e3f-000000000001',
      commune: 'rabat',
      number: '2026/A/000042',
      category: 'access-to-information',
      receivedAt: '2026-06-12T16:30:05+01:00',
      subject: 'Demande des procès-verbaux du conseil',
    } as const;

    const [first, again] = [await openFromRegistryLetter(dependencies, handedOver, now), await openFromRegistryLetter(dependencies, handedOver, now)];

    expect(again?.id).toBe(first?.id);
    expect(first).toMatchObject({ channel: 'registry-office', receivedAt: handedOver.receivedAt, clock: { receiptDate: '2026-06-12' }, registryLetter: { number: '2026/A/000042' } });
    expect(await openFromRegistryLetter(dependencies, { ...handedOver, category: 'complaint' }, now)).toBeUndefined();
  });

  it('keeps the settings by version: the defaults at 0, each change one more, a lost race refused', async () => {
    const given = { periods: { normal: { days: 20, extensionDays: 20 }, urgent: { days: 3, extensionDays: 3 } }, clarificationSuspendsClock: true, recourse: { complaintFilingDays: 20, complaintAnswerDays: 15 } };

    const racing = readsTogether(repository, 'communeSnapshot', 2);
    const outcomes = await Promise.allSettled([setSettings(racing, 'tamesna', given, admin, now), setSettings(racing, 'tamesna', given, admin, now)]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await repository.communeSnapshot('tamesna', [])).settings).toMatchObject({ version: 1, clarificationSuspendsClock: true });
    expect((await fileRequest(dependencies, { ...asked, commune: 'tamesna' }, citizen, { now })).clarificationSuspendsClock).toBe(true);
  });
});
