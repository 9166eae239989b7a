// A permit change is one conditional write of the permit, which carries the change's events; the history entry and
// the figures' overdue marker follow from the event (`RecordPermitHistory`). On DynamoDB Local, with its real stream.
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPermitsRepository } from '../../functions/permits/adapters/dynamodb-permits.repository.ts';
import { permitIdentifiers } from '../../functions/permits/adapters/permit-identifiers.ts';
import { permitKeys } from '../../functions/permits/adapters/permit-keys.ts';
import { decidePermit, extendPermitDeadline, invokePermitDeemedApproval, requestPermitDocuments } from '../../functions/permits/application/change-permit.use-cases.ts';
import { checkPermitDeadline } from '../../functions/permits/application/check-deadline.use-case.ts';
import { filePermitApplication, type PermitsDependencies } from '../../functions/permits/application/file-permit.use-case.ts';
import { permitHistory } from '../../functions/permits/application/permit-queries.use-cases.ts';
import { recordPermitChange } from '../../functions/permits/application/record-permit-history.use-case.ts';
import type { PermitChanged } from '../../functions/permits/domain/permit-events.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { ConflictError } from '../../functions/shared/errors/domain-errors.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';
import { readsTogether } from './reads-together.ts';

const citizen: Principal = { sub: 'citizen-history', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-history', roles: ['agent'], commune: 'rabat' };
const president: Principal = { sub: 'president-history', roles: ['president'], commune: 'rabat' };
const application = { applicant: citizen.sub, procedure: 'building-small', commune: 'rabat', project: { title: 'Maison', address: '12 rue X' } };
const on = (instant: string) => new Date(instant);

let dependencies: PermitsDependencies;
let repository: DynamoDbPermitsRepository;
let table: string;

/** The change events the stream carried about a permit, as the history's consumer receives them. */
async function changeEvents(permitId: string): Promise<DomainEvent<PermitChanged>[]> {
  return (await outboxEventsAbout(table, permitId)).filter((event) => event.type.startsWith('permit.')) as DomainEvent<PermitChanged>[];
}

async function storedItemsOf(permitId: string): Promise<string[]> {
  const output = await localDocumentClient().send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': permitKeys.permit(permitId).pk } }));
  return (output.Items ?? []).map((item) => String(item.sk));
}

async function overdueMarkers(commune: string): Promise<string[]> {
  const output = await localDocumentClient().send(
    new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :overdue)', ExpressionAttributeValues: { ':pk': `STATS#${commune}`, ':overdue': 'OVERDUE#' }, ConsistentRead: true }),
  );
  return (output.Items ?? []).map((item) => String(item.permitId));
}

describe('a permit change as one write, its history from its event', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(permitsService.tables ?? []);
    table = names.permits!;
    repository = new DynamoDbPermitsRepository(localDocumentClient(), table, names.reference!);
    dependencies = { repository, identifiers: permitIdentifiers };
  });

  it('writes only the permit; the stream carries each change’s events, its history entry among them', async () => {
    const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
    await requestPermitDocuments(dependencies, filed.id, { documents: ['plan de masse'], note: 'Pièces manquantes' }, agent, on('2026-12-02T09:00:00Z'));

    expect(await storedItemsOf(filed.id)).toEqual(['PERMIT']);
    const events = await outboxEventsAbout(table, filed.id);
    expect(events.map((event) => event.type)).toEqual(['permit.filed', 'permit.documents-requested', 'notification.requested']);
    expect((events[1] as DomainEvent<PermitChanged>).data.entry).toMatchObject({ version: 2, type: 'documents-requested', statusBefore: 'filed', statusAfter: 'awaiting-documents', by: { sub: agent.sub } });
  });

  it('shows the latest change from the permit until its entry is stored, then every entry once, in order, however often an event comes', async () => {
    const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
    expect((await permitHistory(repository, filed.id, citizen, { limit: 10 })).items.map((entry) => entry.type)).toEqual(['filed']);

    await extendPermitDeadline(dependencies, filed.id, { days: 5, reason: 'Enquête' }, agent, on('2026-12-02T09:00:00Z'));
    const [filing, extension] = await changeEvents(filed.id);
    await recordPermitChange(repository, filing!);
    // The extension's entry is not stored yet: the permit shows it.
    expect((await repository.history(filed.id, { limit: 10 })).items.map((entry) => entry.type)).toEqual(['filed']);
    expect((await permitHistory(repository, filed.id, citizen, { limit: 10 })).items.map((entry) => entry.type)).toEqual(['filed', 'extended']);

    // Delivered twice, and the first event again: each entry once.
    await recordPermitChange(repository, extension!);
    await recordPermitChange(repository, extension!);
    await recordPermitChange(repository, filing!);
    const history = await permitHistory(repository, filed.id, citizen, { limit: 10 });
    expect(history.items.map((entry) => `${entry.version}:${entry.type}`)).toEqual(['1:filed', '2:extended']);
    expect(await storedItemsOf(filed.id)).toEqual(['EVENT#000001', 'EVENT#000002', 'PERMIT']);
  });

  it('pages the stored entries and adds the latest change to the last page only', async () => {
    const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
    await extendPermitDeadline(dependencies, filed.id, { days: 5, reason: 'Enquête' }, agent, on('2026-12-02T09:00:00Z'));
    await decidePermit(dependencies, filed.id, { outcome: 'approved', reasons: 'Conforme' }, president, on('2026-12-03T09:00:00Z'));
    const [filing, extension] = await changeEvents(filed.id);
    await recordPermitChange(repository, filing!);
    await recordPermitChange(repository, extension!);

    const first = await permitHistory(repository, filed.id, citizen, { limit: 2 });
    expect(first.items.map((entry) => entry.type)).toEqual(['filed', 'extended']);
    const last = await permitHistory(repository, filed.id, citizen, { limit: 2, cursor: first.nextCursor! });
    expect(last.items.map((entry) => entry.type)).toEqual(['decided']);
  });

  it('puts the overdue marker as the file lapses and deletes it when deemed approval ends it, from the events', async () => {
    const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
    await checkPermitDeadline(dependencies, filed.id, on('2027-01-20T09:00:00Z'));
    const lapse = (await changeEvents(filed.id)).find((event) => event.type === 'permit.deadline-lapsed')!;
    expect(await overdueMarkers('rabat')).not.toContain(filed.id);

    await recordPermitChange(repository, lapse);
    expect(await overdueMarkers('rabat')).toContain(filed.id);
    await recordPermitChange(repository, lapse);
    expect((await overdueMarkers('rabat')).filter((id) => id === filed.id)).toHaveLength(1);

    await invokePermitDeemedApproval(dependencies, filed.id, citizen, on('2027-01-21T09:00:00Z'));
    const invoked = (await changeEvents(filed.id)).find((event) => event.type === 'permit.deemed-approval-invoked')!;
    await recordPermitChange(repository, invoked);
    expect(await overdueMarkers('rabat')).not.toContain(filed.id);
  });

  it('ends twenty writers of one version in one change: the others are refused, and one set of events leaves', async () => {
    const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
    // Every writer reads the first version before any of them writes (the race the condition settles), whatever
    // the machine's load would have ordered.
    const WRITERS = 20;
    const racing = readsTogether(repository, 'loadWithReference', WRITERS);
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, position) => extendPermitDeadline({ ...dependencies, repository: racing }, filed.id, { days: 1 + (position % 5), reason: `Agent ${position}` }, agent, on('2026-12-02T09:00:00Z'))),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    // Each of the others read the first version, so the write's condition refuses it.
    const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(reasons).toHaveLength(WRITERS - 1);
    expect(reasons.every((reason) => reason instanceof ConflictError)).toBe(true);
    expect((await repository.get(filed.id))?.version).toBe(2);
    expect((await changeEvents(filed.id)).map((event) => event.type)).toEqual(['permit.filed', 'permit.extended']);
  });
});
