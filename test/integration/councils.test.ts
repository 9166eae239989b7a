// Councils on DynamoDB Local: two items voted at once end with one deliberation and a conflict for the other, whose
// retry takes the next number (no gap, no duplicate); a convened session's event delivered twice sends each member's
// convocation once, with its notification; a first reading is recorded once; a planned session's convocation
// reminder is sent once from the sweep; the control periods run as deadline
// cases over the open-deadline index: counted again when holidays change, swept once passed (a late transmission
// told to the secretariat, an enforceable deliberation as an event), and left out of the index once recorded. A body
// gets its territory from reference data (an unknown collectivity is refused, nothing written), and a governor of
// another prefecture is refused its council's deliberation with nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCouncilsRepository } from '../../functions/councils/adapters/dynamodb-councils.repository.ts';
import { putBody } from '../../functions/councils/application/body.use-cases.ts';
import { readConvocation, recordFirstReading, sendConvocations } from '../../functions/councils/application/convocation.use-cases.ts';
import { recountControlDeadlines, sweepOverdueControls } from '../../functions/councils/application/control-deadline.use-cases.ts';
import { receiveDeliberation, transmitDeliberation } from '../../functions/councils/application/deliberation.use-cases.ts';
import { CONTROL_EVENTS } from '../../functions/councils/domain/control-clocks.ts';
import { addItem, closeCouncilSession, closeSessionAgenda, conveneSession, openCouncilSitting, planCouncilSession, voteItem } from '../../functions/councils/application/session.use-cases.ts';
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

  it("gives each body its territory from reference data, and refuses a collectivity it does not know with nothing written", async () => {
    expect((await repository.bodyContext(BODY, {})).body?.territory).toEqual({ province: 'rabat', region: 'rabat-sale-kenitra' });
    const prefecture = await putBody(repository, 'skhirate-temara', { type: 'prefecture', name: { ar: 'عمالة الصخيرات تمارة', fr: 'Préfecture de Skhirate-Témara' }, members, groups: [] }, admin, at('2027-09-01', 9));
    expect(prefecture.territory).toEqual({ province: 'skhirate-temara', region: 'rabat-sale-kenitra' });
    const region = await putBody(repository, 'fes-meknes', { type: 'region', name: { ar: 'جهة فاس مكناس', fr: 'Fès-Meknès' }, members, groups: [] }, admin, at('2027-09-01', 9));
    expect(region.territory).toEqual({ region: 'fes-meknes' });
    // A province's code is no commune's, nor a commune's a region's.
    for (const [code, type] of [['skhirate-temara', 'commune'], ['tamesna', 'region'], ['atlantis', 'commune']] as const) {
      await expect(putBody(repository, code, { type, name: { ar: 'مجهول', fr: 'Inconnu' }, members, groups: [] }, admin, at('2027-09-01', 9))).rejects.toMatchObject({
        code: 'validation-failed',
        fieldIssues: [{ pointer: '/params/body', code: 'unknown_collectivity' }],
      });
    }
    expect((await repository.bodyContext('tamesna', {})).body).toBeUndefined();
    expect((await repository.bodyContext('atlantis', {})).body).toBeUndefined();
    expect((await repository.bodyContext('skhirate-temara', {})).body).toMatchObject({ type: 'prefecture', version: 1 });
  });

  it('sends each convocation once, with its notification, when the event is delivered twice at once and again; records the first reading once', async () => {
    const event = { id: `councils/${sessionId}/v5/${SESSION_CONVENED}`, type: SESSION_CONVENED, source: 'councils', subject: sessionId, occurredAt: at('2027-09-20', 9).toISOString(), data: { sessionId, body: BODY, round: 1, start: at('2027-10-12', 10).toISOString() } };
    // Two deliveries at once (each signing and writing several members at a time) send each convocation once between them.
    const together = await Promise.all([sendConvocations(repository, tools, event, at('2027-09-20', 9)), sendConvocations(repository, tools, event, at('2027-09-20', 9))]);
    expect(together[0] + together[1]).toBe(7);
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

  it("reminds the secretary who planned a session of its convocation deadline, once, from the sweep's index", async () => {
    const other = '22222222-2222-8222-8222-222222222222';
    const { session } = await planCouncilSession(repository, BODY, other, { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre bis', location: 'Salle', start: at('2027-10-26', 10).toISOString() }, secretary, at('2027-09-01', 9));
    // Ten days' notice: the last day is 16 October; reminded three days before, on the 13th at 09:00.
    expect(session.convocationReminder).toEqual({ lastDay: '2027-10-16', at: at('2027-10-13', 9).toISOString(), notify: 'secretary-1' });
    expect(await sweepOverdueControls(repository, at('2027-10-13', 8))).toEqual({ checked: 0, lapsed: 0 });
    expect(await sweepOverdueControls(repository, at('2027-10-13', 10))).toEqual({ checked: 1, lapsed: 0 });
    expect(await sweepOverdueControls(repository, at('2027-10-13', 11))).toEqual({ checked: 0, lapsed: 0 });
    const told = (await outboxEventsAbout(table, other)).filter((event) => event.type === 'notification.requested');
    expect(told.map((event) => (event.data as { recipient: string; topic: string }).topic)).toEqual(['council-convocation-reminder']);
  });

  it('watches the control periods on the open-deadline index: recounted, then swept once passed, each recorded once', async () => {
    const governor: Principal = { sub: 'governor-1', roles: ['governor'], province: 'rabat' };
    const closed = await closeCouncilSession(repository, BODY, sessionId, secretary, at('2027-10-12', 12));
    const transmissionDue = closed.transmissionControl!.clock.dueAt;
    const transmitted = await transmitDeliberation(repository, BODY, `${sessionId}.1`, secretary, at('2027-10-13', 10));
    // The governor of Fès controls no council of the prefecture of Rabat: refused, the deliberation as it was.
    const ofFes: Principal = { sub: 'governor-fes', roles: ['governor'], province: 'fes', region: 'fes-meknes' };
    await expect(receiveDeliberation(repository, BODY, `${sessionId}.1`, ofFes, at('2027-10-14', 10))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await repository.bodyContext(BODY, { deliberationId: `${sessionId}.1` })).deliberation).toMatchObject({ state: 'transmitted', version: transmitted.version });
    const received = await receiveDeliberation(repository, BODY, `${sessionId}.1`, governor, at('2027-10-14', 10));
    const windowDue = received.receipt!.oppositionClock.dueAt;

    // The holidays as they stand move nothing; both cases are found from the index.
    expect(await recountControlDeadlines(repository, { year: 2027, version: 2, added: [], removed: [] }, at('2027-10-14', 11))).toEqual({ examined: 2, moved: 0 });
    // An administrator adds a holiday on Friday 15 October (the holiday source stands in for reference data here):
    // both periods count over it and move by one working day.
    const withHoliday = Object.create(repository, { holidays: { value: async (years: readonly number[]) => new Set([...(await repository.holidays(years)), '2027-10-15']) } }) as DynamoDbCouncilsRepository;
    expect(await recountControlDeadlines(withHoliday, { year: 2027, version: 3, added: ['2027-10-15'], removed: [] }, at('2027-10-14', 11))).toEqual({ examined: 2, moved: 2 });
    const moved = (await repository.controlCase(`deliberation-${sessionId}.1`))!;
    const movedWindow = moved.kind === 'deliberation' ? moved.deliberation.receipt!.oppositionClock.dueAt : '';
    expect(Date.parse(movedWindow)).toBeGreaterThan(Date.parse(windowDue));
    expect((await outboxEventsAbout(table, `deliberation-${sessionId}.1`)).filter((event) => event.type === CONTROL_EVENTS.watched)).toHaveLength(2);

    // Just after the (moved) window: the deliberation is recorded enforceable, once; the session's period still runs.
    const afterWindow = new Date(Date.parse(movedWindow) + 60_000);
    expect(await sweepOverdueControls(repository, new Date(Date.parse(windowDue) + 60_000))).toEqual({ checked: 0, lapsed: 0 });
    expect(await sweepOverdueControls(repository, afterWindow)).toEqual({ checked: 1, lapsed: 1 });
    expect(await sweepOverdueControls(repository, afterWindow)).toEqual({ checked: 0, lapsed: 0 });
    expect((await outboxEventsAbout(table, `${sessionId}.1`)).filter((event) => event.type === CONTROL_EVENTS.enforceable)).toHaveLength(1);

    // Just after the transmission period: item 2 was never transmitted, and the secretary who closed the session is told.
    const closedAgain = (await repository.controlCase(`session-${sessionId}`))!;
    const movedTransmission = closedAgain.kind === 'session' ? closedAgain.session.transmissionControl!.clock.dueAt : '';
    expect(Date.parse(movedTransmission)).toBeGreaterThan(Date.parse(transmissionDue));
    const afterTransmission = new Date(Date.parse(movedTransmission) + 60_000);
    expect(await sweepOverdueControls(repository, afterTransmission)).toEqual({ checked: 1, lapsed: 1 });
    const after = (await repository.controlCase(`session-${sessionId}`))!;
    // Items 1 and 2 were voted at once: either may hold either number.
    const [forgotten] = await repository.deliberationsByIds([`${sessionId}.2`]);
    expect(after.kind === 'session' && after.session.transmissionControl!.checked!.late).toEqual([forgotten!.number]);
    const told = (await outboxEventsAbout(table, sessionId)).filter((event) => event.type === 'notification.requested' && (event.data as { topic: string }).topic === 'council-transmission-late');
    expect(told.map((event) => (event.data as { recipient: string }).recipient)).toEqual(['secretary-1']);
    expect(await sweepOverdueControls(repository, afterTransmission)).toEqual({ checked: 0, lapsed: 0 });
  });
});
