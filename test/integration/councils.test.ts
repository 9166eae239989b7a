// Councils on DynamoDB Local: two items voted at once end with one deliberation and a conflict for the other, whose
// retry takes the next number (no gap, no duplicate); a convened session's event delivered twice sends each member's
// convocation once, with its notification; a first reading is recorded once.
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCouncilsRepository } from '../../functions/councils/adapters/dynamodb-councils.repository.ts';
import { putBody } from '../../functions/councils/application/body.use-cases.ts';
import { readConvocation, recordFirstReading, sendConvocations } from '../../functions/councils/application/convocation.use-cases.ts';
import { addItem, closeSessionAgenda, conveneSession, openCouncilSitting, planCouncilSession, voteItem } from '../../functions/councils/application/session.use-cases.ts';
import { councilsService } from '../../functions/councils/councils.service.ts';
import { SESSION_CONVENED } from '../../functions/councils/domain/session.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ConflictError } from '../../functions/shared/errors/domain-errors.ts';
import { startOfMoroccanDate } from '../../functions/shared/statutory-clock/moroccan-day.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';

const BODY = 'rabat';
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const secretary: Principal = { sub: 'secretary-1', roles: ['council-secretary'], commune: BODY };
const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);
const members = Array.from({ length: 7 }, (_, index) => ({ id: `m${index + 1}`, sub: `member-${index + 1}`, name: `Membre ${index + 1}`, role: index === 0 ? ('president' as const) : ('member' as const), inOffice: true, since: '2021-09-20' }));
const tools = { signer: { sign: async (statement: Record<string, unknown>) => `signed.${Buffer.from(JSON.stringify(statement)).toString('base64url')}.sig` }, timestamps: { stamp: async () => ({ authority: 'none' }) } };
const item = (title: string) => ({ title, text: `Projet : ${title}`, itemType: 'ordinary' as const, origin: 'president' as const, public: true });

let repository: DynamoDbCouncilsRepository;
let table: string;
let sessionId: string;

describe('councils on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(councilsService.tables ?? []);
    table = names.councils!;
    repository = new DynamoDbCouncilsRepository(localDocumentClient(), table, () => names.reference!);
    await putBody(repository, BODY, { type: 'commune', name: { ar: 'الرباط', fr: 'Rabat' }, members, groups: [] }, admin, at('2027-09-01', 9));
    const { session } = await planCouncilSession(repository, BODY, '11111111-1111-8111-8111-111111111111', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre', location: 'Salle', start: at('2027-10-12', 10).toISOString() }, secretary, at('2027-09-01', 9));
    sessionId = session.id;
    await addItem(repository, BODY, sessionId, item('Budget'), secretary, at('2027-09-01', 9));
    await addItem(repository, BODY, sessionId, item('Voirie'), secretary, at('2027-09-01', 9));
    await closeSessionAgenda(repository, BODY, sessionId, secretary, at('2027-09-01', 9));
    await conveneSession(repository, BODY, sessionId, secretary, at('2027-09-20', 9));
  });

  it('sends each convocation once, with its notification, when the event is delivered twice; records the first reading once', async () => {
    const event = { id: `councils/${sessionId}/v5/${SESSION_CONVENED}`, type: SESSION_CONVENED, source: 'councils', subject: sessionId, occurredAt: at('2027-09-20', 9).toISOString(), data: { sessionId, body: BODY, round: 1, start: at('2027-10-12', 10).toISOString() } };
    expect(await sendConvocations(repository, tools, event, at('2027-09-20', 9))).toBe(7);
    expect(await sendConvocations(repository, tools, event, at('2027-09-20', 10))).toBe(0);
    expect((await outboxEventsAbout(table, sessionId)).filter((outbox) => outbox.type === 'notification.requested')).toHaveLength(7);
    const own: Principal = { sub: 'member-3', roles: ['council-member'], commune: BODY };
    const first = await recordFirstReading(repository, tools, BODY, sessionId, 1, 'm3', own, at('2027-09-21', 9));
    const second = await recordFirstReading(repository, tools, BODY, sessionId, 1, 'm3', own, at('2027-09-22', 9));
    expect(second.read!.at).toBe(first.read!.at);
    expect((await readConvocation(repository, BODY, sessionId, 1, 'm3', own)).read!.at).toBe(first.read!.at);
  });

  it('numbers the deliberations of the year without gap when two items are voted at once', async () => {
    await openCouncilSitting(repository, BODY, sessionId, { present: ['m1', 'm2', 'm3', 'm4'], proxies: [] }, secretary, at('2027-10-12', 10));
    const votes = [{ member: 'm1', choice: 'for' as const }, { member: 'm2', choice: 'for' as const }];
    const outcomes = await Promise.allSettled([voteItem(repository, BODY, sessionId, 1, votes, secretary, at('2027-10-12', 11)), voteItem(repository, BODY, sessionId, 2, votes, secretary, at('2027-10-12', 11))]);
    // Whoever read the session second either wrote after the first (the next number) or lost on the session's
    // version (a conflict) and is retried: never the same number twice, never a gap.
    const numbers: string[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') numbers.push(outcome.value.number);
      else {
        expect(outcome.reason).toBeInstanceOf(ConflictError);
        numbers.push((await voteItem(repository, BODY, sessionId, index + 1, votes, secretary, at('2027-10-12', 11))).number);
      }
    }
    expect(numbers.sort()).toEqual(['2027/1', '2027/2']);
  });
});
