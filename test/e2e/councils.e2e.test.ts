// A commune council's October budget session over HTTP on the local platform, on the virtual clock: a session called
// at short notice is refused, saying by how many days; the budget session's items get their papers (uploaded, checked
// against their declared SHA-256, a forged one refused), members ask for items (one accepted, one refused with
// reasons, none after the agenda closed); it is convened in time and each member's convocation lists the papers,
// carries signed evidence of its sending and of its first reading, and comes as a PDF to its member; members read the
// papers through short-lived links and reply ahead (a proxy to a holder refused), the first sitting taking the proxy
// given ahead; its first and second sittings lack
// the quorum of article 42 and the third deliberates with three members present; the budget vote ties and the
// president's vote decides; the deliberation is transmitted, opposed by the governor within the window, examined
// again and maintained, the other recorded enforceable by the deadline workflow at the end of its window, the
// session's transmission period closed by it too, and the secretariat reminded of the convocation deadline of a
// session left unconvened; a closed item's content never reaches the OParl publication while its decision does; the
// deliberation's and the minutes' PDFs are rendered once and served as stored; a closed item's papers never reach
// OParl while a public item's are Files downloaded by a redirect; the iCalendar feed parses with the meetings at their hour in Africa/Casablanca. Bad input is refused with nothing written,
// a body of a collectivity reference data does not know included; the governor of another prefecture is refused.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { startOfMoroccanDate } from '../../functions/shared/statutory-clock/moroccan-day.ts';
import { oparlListErrors, oparlObjectErrors } from '../fixtures/oparl/validate-oparl.ts';
import { download, readOnceScanned, request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
// A commune of reference data (the body's territory comes from it): Tamesna, in the prefecture of Skhirate-Témara.
const BODY = 'tamesna';
const DAY_MS = 86_400_000;
const SECRET = `Indemnité transactionnelle confidentielle ${unique}`;
const SECRET_PAPER = `protocole-transactionnel-${unique}.pdf`;
const pdfOf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const BUDGET_PDF = pdfOf(`Projet de budget ${unique}`);
const SECRET_PDF = pdfOf(SECRET);
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MEMBERS = Array.from({ length: 9 }, (_, index) => {
  const id = `m0${index + 1}`;
  return { id, sub: `member-${id}-${unique}`, name: `Membre ${index + 1}`, role: index === 0 ? 'president' : 'member', inOffice: true, since: '2021-09-20', ...(index < 5 && { group: 'g1' }) };
});

const as = (sub: string, roles: Role[], scope: { commune?: string; province?: string; region?: string } = {}) => tokenFor({ sub: `${sub}-${unique}`, roles, ...scope });
const admin = () => as('admin', ['admin']);
const secretary = () => as('secretary', ['council-secretary'], { commune: BODY });
const governor = () => as('governor', ['governor'], { province: 'skhirate-temara' });
/** The governor of Fès, who controls no council of the prefecture of Skhirate-Témara. */
const governorOfFes = () => as('governor-fes', ['governor'], { province: 'fes', region: 'fes-meknes' });
const member = (id: string) => tokenFor({ sub: `member-${id}-${unique}`, roles: ['council-member'], commune: BODY });
const idem = (name: string) => ({ 'idempotency-key': `${name}-${unique}` });

interface SessionView {
  readonly id: string;
  readonly agenda: { number: number; papers?: { id: string; status: string }[] }[];
  readonly status: string;
  readonly version: number;
  readonly sittings: { round: number; quorum: { required: number; counted: number; met: boolean; mayDeliberate: boolean } }[];
  readonly next?: { round: number; earliest: string; latest?: string; proposedStart: string };
  readonly convocations: { round: number; start: string }[];
}

/** `hours:minutes` on `date` in Africa/Casablanca, whatever Morocco's offset that day. */
const localTime = (date: string, hours: number, minutes = 0) => new Date(startOfMoroccanDate(date).getTime() + (hours * 60 + minutes) * 60_000);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const addDays = (date: string, days: number) => dateOf(dayOf(date) + days);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const moroccan = (instant: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', hourCycle: 'h23', ...options }).format(instant);

/** The n-th working day after `date`: the oracle the third meeting's day is checked against. */
function workingDayAfter(date: string, n: number, holidays: ReadonlySet<string>): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (weekday(day) !== 0 && weekday(day) !== 6 && !holidays.has(day)) counted += 1;
  }
  return day;
}

async function holidaysOf(year: number): Promise<Set<string>> {
  const reply = await request('GET', `/v1/holidays?year=${year}`);
  return new Set((reply.json.holidays as { date: string }[]).map((holiday) => holiday.date));
}

async function setClock(instant: Date): Promise<void> {
  expect((await request('POST', '/_local/clock', { body: { set: instant.toISOString() } })).status).toBe(200);
}

const sessionPath = (id: string) => `/v1/councils/bodies/${BODY}/sessions/${id}`;
const deliberationPath = (id: string) => `/v1/councils/bodies/${BODY}/deliberations/${id}`;

async function session(id: string): Promise<SessionView> {
  const reply = await request('GET', sessionPath(id), { token: await secretary() });
  expect(reply.status).toBe(200);
  return reply.json as unknown as SessionView;
}

async function step(path: string, name: string, body?: unknown, token?: string) {
  return request('POST', path, { token: token ?? (await secretary()), headers: { ...idem(name), 'accept-language': 'en' }, ...(body !== undefined && { body }) });
}

/** Declares a paper of an item, uploads it to the signed URL and completes it: its id. */
async function attachPaper(sessionPathOf: string, item: number, name: string, bytes: Buffer): Promise<string> {
  const declared = await step(`${sessionPathOf}/items/${item}/papers`, `paper-${name}`, { name, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: sha256Of(bytes) });
  expect(declared.status).toBe(201);
  const upload = declared.json.upload as { url: string; headers: Record<string, string> };
  expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes })).ok).toBe(true);
  const id = String((declared.json.paper as { id: string }).id);
  const completed = await step(`${sessionPathOf}/items/${item}/papers/${id}/completion`, `paper-${name}-complete`);
  expect(completed.json).toMatchObject({ id, status: 'attached', sha256: sha256Of(bytes) });
  return id;
}

describe('a council session over HTTP', { timeout: 240_000 }, () => {
  let year: number;
  let sessionId: string;
  let holidays: Set<string>;
  let aheadId: string;
  let budgetPaperId: string;
  let closedPaperId: string;
  const budgetStart = () => localTime(`${year}-10-12`, 10, 0).toISOString();

  it('keeps the body and settings, and refuses a session outside the months or at short notice, saying by how many days', async () => {
    const now = new Date((await request('GET', '/_local/clock')).json.now as string);
    year = now.getTime() < Date.parse(`${now.getUTCFullYear()}-09-01T00:00:00Z`) ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
    holidays = await holidaysOf(year);
    await setClock(localTime(`${year}-09-28`, 9, 0));
    const put = await request('PUT', `/v1/councils/bodies/${BODY}`, {
      token: await admin(),
      headers: idem('body'),
      body: { type: 'commune', name: { ar: 'مجلس جماعة الاختبار', fr: 'Conseil communal de test' }, members: MEMBERS, groups: [{ id: 'g1', name: 'Groupe majoritaire' }] },
    });
    expect(put.status).toBe(200);
    expect(put.json.territory).toEqual({ province: 'skhirate-temara', region: 'rabat-sale-kenitra' });
    // A code reference data does not know as a commune is refused, and nothing is stored under it.
    const unknown = await request('PUT', `/v1/councils/bodies/conseil-${unique}`, {
      token: await admin(),
      headers: { ...idem('unknown-body'), 'accept-language': 'fr' },
      body: { type: 'commune', name: { ar: 'مجهول', fr: 'Inconnu' }, members: MEMBERS, groups: [{ id: 'g1', name: 'Groupe majoritaire' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/params/body', code: 'unknown_collectivity' }] });
    expect((await request('GET', `/oparl/v1/bodies/conseil-${unique}`)).status).toBe(404);
    const settings = await request('GET', `/v1/councils/bodies/${BODY}/settings`, { token: await secretary() });
    expect(settings.json).toMatchObject({ noticeDays: { ordinary: 10, extraordinary: 3 }, ordinaryMonths: [2, 5, 10], proxiesCountForQuorum: false, version: 0 });

    const march = await step(`/v1/councils/bodies/${BODY}/sessions`, 'march', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session de mars', location: 'Salle A', start: localTime(`${year + 1}-03-03`, 10).toISOString() });
    expect(march.status).toBe(422);
    expect(march.json.code).toBe('outside-ordinary-months');
    const twoMembers = await step(`/v1/councils/bodies/${BODY}/sessions`, 'two-members', { kind: 'extraordinary', initiative: { by: 'members', members: ['m02', 'm03'] }, name: 'Extraordinaire', location: 'Salle A', start: localTime(`${year}-11-20`, 10, 0).toISOString() });
    expect(twoMembers.status).toBe(422);
    expect(twoMembers.json.code).toBe('initiative-not-qualified');
    expect(((await request('GET', `/oparl/v1/bodies/${BODY}/meeting`)).json.data as unknown[]).length).toBe(0);

    const hasty = await step(`/v1/councils/bodies/${BODY}/sessions`, 'hasty', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session hâtive', location: 'Salle A', start: localTime(`${year}-10-02`, 10, 0).toISOString() });
    expect(hasty.status).toBe(201);
    const hastyPath = sessionPath(String(hasty.json.id));
    expect((await step(`${hastyPath}/agenda-items`, 'hasty-item', { title: 'Compte administratif', text: 'Examen du compte', itemType: 'ordinary', origin: 'president', public: true })).status).toBe(200);
    expect((await step(`${hastyPath}/agenda-closing`, 'hasty-close')).status).toBe(200);
    const short = await step(`${hastyPath}/convocation`, 'hasty-convene');
    expect(short.status).toBe(409);
    expect(short.json.code).toBe('notice-too-short');
    expect(String(short.json.detail)).toContain('6 days short');
    expect((await session(String(hasty.json.id))).status).toBe('planned');

    // A session planned well ahead: its secretariat will be reminded three days before the last day to convene it.
    const ahead = await step(`/v1/councils/bodies/${BODY}/sessions`, 'ahead', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session de fin d’octobre', location: 'Salle A', start: localTime(`${year}-10-26`, 10, 0).toISOString() });
    expect(ahead.json).toMatchObject({ convocationReminder: { lastDay: `${year}-10-16`, at: localTime(`${year}-10-13`, 9, 0).toISOString() } });
    aheadId = String(ahead.json.id);
  });

  it('convenes the October budget session with proper notice; each convocation is signed when sent and when first read', async () => {
    const planned = await step(`/v1/councils/bodies/${BODY}/sessions`, 'budget', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session ordinaire d’octobre (budget)', location: 'Salle des délibérations', start: budgetStart() });
    expect(planned.status).toBe(201);
    sessionId = String(planned.json.id);
    const retry = await step(`/v1/councils/bodies/${BODY}/sessions`, 'budget', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session ordinaire d’octobre (budget)', location: 'Salle des délibérations', start: budgetStart() });
    expect(retry.json.id).toBe(sessionId);
    const path = sessionPath(sessionId);
    expect((await step(`${path}/agenda-items`, 'budget-item', { title: 'Budget de la commune', text: 'Le conseil vote le budget de l’exercice suivant.', itemType: 'budget', origin: 'president', public: true })).status).toBe(200);
    expect((await step(`${path}/agenda-items`, 'closed-item', { title: 'Transaction avec un agent', text: SECRET, itemType: 'convention', origin: 'members', public: false })).status).toBe(200);
    // The papers: each declared, uploaded to its signed URL and completed; a file other than declared is refused.
    budgetPaperId = await attachPaper(path, 1, 'projet-de-budget.pdf', BUDGET_PDF);
    closedPaperId = await attachPaper(path, 2, SECRET_PAPER, SECRET_PDF);
    const forged = await step(`${path}/items/1/papers`, 'forged-paper', { name: 'annexe.pdf', contentType: 'application/pdf', sizeBytes: BUDGET_PDF.length, sha256: sha256Of(SECRET_PDF) });
    expect(forged.status).toBe(201);
    const forgedUpload = forged.json.upload as { url: string; headers: Record<string, string> };
    // The local S3 server does not check the signed checksum (S3 would refuse the upload): the completion does.
    await fetch(forgedUpload.url, { method: 'PUT', headers: forgedUpload.headers, body: BUDGET_PDF });
    const forgedId = String((forged.json.paper as { id: string }).id);
    const refused = await step(`${path}/items/1/papers/${forgedId}/completion`, 'forged-complete');
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('checksum-mismatch');
    expect((await session(sessionId)).agenda[0]!.papers!.find((paper) => paper.id === forgedId)).toMatchObject({ status: 'awaiting-upload' });
    // Members ask for items while the agenda is open: one accepted (it joins the agenda, origin members), one refused.
    const ask = async (id: string, title: string) => request('POST', `${path}/item-requests`, { token: await member(id), headers: { ...idem(`ask-${id}`), 'accept-language': 'en' }, body: { title, text: `Demande : ${title}`, itemType: 'ordinary', public: true } });
    expect((await ask('m05', 'Éclairage du quartier Al Amal')).json.itemRequests).toMatchObject([{ number: 1, member: 'm05', status: 'pending' }]);
    expect((await ask('m06', 'Jumelage')).status).toBe(200);
    const accepted = await step(`${path}/item-requests/1/decision`, 'accept-1', { outcome: 'accepted' });
    expect(accepted.json).toMatchObject({ agenda: [{ number: 1 }, { number: 2 }, { number: 3, title: 'Éclairage du quartier Al Amal', origin: 'members' }], itemRequests: [{ status: 'accepted', decision: { itemNumber: 3 } }, { status: 'pending' }] });
    const unreasoned = await step(`${path}/item-requests/2/decision`, 'refuse-2-bare', { outcome: 'refused' });
    expect(unreasoned.status).toBe(400);
    const refusedRequest = await step(`${path}/item-requests/2/decision`, 'refuse-2', { outcome: 'refused', reasons: 'Relève de la coopération décentralisée' });
    expect(refusedRequest.json).toMatchObject({ itemRequests: [{ status: 'accepted' }, { status: 'refused', decision: { reasons: 'Relève de la coopération décentralisée' } }] });
    expect((refusedRequest.json.agenda as unknown[]).length).toBe(3);
    expect((await step(`${path}/item-requests/2/decision`, 'refuse-2-again', { outcome: 'accepted' })).status).toBe(409);
    expect((await step(`${path}/agenda-closing`, 'budget-close')).status).toBe(200);
    const askedLate = await ask('m07', 'Point tardif');
    expect(askedLate.status).toBe(409);
    expect(askedLate.json.code).toBe('agenda-closed');
    const late = await step(`${path}/agenda-items`, 'late-item', { title: 'Point tardif', text: 'Ajout après clôture', itemType: 'ordinary', origin: 'governor', public: true });
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('agenda-closed');
    const convened = await step(`${path}/convocation`, 'budget-convene');
    expect(convened.status).toBe(200);
    expect(convened.json).toMatchObject({ status: 'convened', convocations: [{ round: 1, noticeDays: 14 }] });
    expect((await session(sessionId)).sittings).toHaveLength(0);
    await settle();

    const own = await request('GET', `${path}/convocations/1/m02`, { token: await member('m02') });
    expect(own.status).toBe(200);
    const sent = own.json.sent as { jws: string; timestamp: { authority: string } };
    const [header, payload] = sent.jws.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'ES256' });
    expect(payload).toMatchObject({ typ: 'council-convocation-sent', session: sessionId, member: 'm02', round: 1 });
    expect(sent.timestamp.authority).toBe('none');
    expect(own.json.papers).toEqual([
      { item: 1, id: budgetPaperId, name: 'projet-de-budget.pdf', contentType: 'application/pdf', sizeBytes: BUDGET_PDF.length, sha256: sha256Of(BUDGET_PDF) },
      { item: 2, id: closedPaperId, name: SECRET_PAPER, contentType: 'application/pdf', sizeBytes: SECRET_PDF.length, sha256: sha256Of(SECRET_PDF) },
    ]);
    // The convocation as a PDF, rendered once from the convening: to its member, not to another.
    const convocationPdf = await download(`${path}/convocations/1/m02/pdf`, await member('m02'));
    expect(convocationPdf.status).toBe(200);
    expect(Buffer.from(convocationPdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await download(`${path}/convocations/1/m02/pdf`, await member('m03'))).status).toBe(404);
    // A member reads a paper through a short-lived link (the read is logged); someone outside the council may not.
    const reading = await readOnceScanned(`${path}/items/1/papers/${budgetPaperId}`, await member('m02'));
    expect(reading.status).toBe(200);
    expect(sha256Of(new Uint8Array(await (await fetch(String(reading.json.url))).arrayBuffer()))).toBe(sha256Of(BUDGET_PDF));
    expect((await readOnceScanned(`${path}/items/2/papers/${closedPaperId}`, await governor())).status).toBe(200);
    expect((await request('GET', `${path}/items/1/papers/${budgetPaperId}`, { token: await as('citizen', ['citizen']) })).status).toBe(403);
    expect((await request('GET', `${path}/convocations/1/m02`, { token: await member('m03') })).status).toBe(404);
    const read = await step(`${path}/convocations/1/m02/reading`, 'read-m02', undefined, await member('m02'));
    expect(read.status).toBe(200);
    const readAgain = await step(`${path}/convocations/1/m02/reading`, 'read-m02-again', undefined, await member('m02'));
    expect((readAgain.json.read as { at: string }).at).toBe((read.json.read as { at: string }).at);
    // Members reply ahead: m04 gives a proxy to m02; another to m02, one to oneself or to a non-member is refused.
    const replyAs = async (id: string, given: unknown, name: string) => request('POST', `${path}/attendance-replies`, { token: await member(id), headers: { ...idem(name), 'accept-language': 'en' }, body: given });
    const proxy = await replyAs('m04', { reply: 'proxy', proxyTo: 'm02' }, 'reply-m04');
    expect(proxy.status).toBe(200);
    expect(proxy.json.replies).toEqual([{ round: 1, member: 'm04', reply: 'proxy', proxyTo: 'm02', at: expect.any(String) }]);
    const held = await replyAs('m05', { reply: 'proxy', proxyTo: 'm02' }, 'reply-m05-held');
    expect(held.status).toBe(422);
    expect(held.json.code).toBe('proxy-already-held');
    expect((await replyAs('m05', { reply: 'proxy', proxyTo: 'm05' }, 'reply-m05-self')).status).toBe(400);
    const stranger = await replyAs('m05', { reply: 'proxy', proxyTo: 'm99' }, 'reply-m05-stranger');
    expect(stranger.status).toBe(422);
    expect(stranger.json.code).toBe('not-a-member');
    expect((await replyAs('m03', { reply: 'attending' }, 'reply-m03')).status).toBe(200);
    expect((await session(sessionId) as unknown as { replies: unknown[] }).replies).toHaveLength(2);
    const inbox = await request('GET', '/v1/notifications?limit=100', { token: await member('m05') });
    expect((inbox.json.items as { topic: string; about: { id: string } }[]).filter((item) => item.topic === 'council-convocation' && item.about.id === sessionId)).toHaveLength(1);
  });

  it('records the first two sittings without quorum, proposes the meetings of article 42, and lets the third deliberate with few present', async () => {
    const path = sessionPath(sessionId);
    await setClock(localTime(`${year}-10-12`, 10, 5));
    const doubled = await step(`${path}/sittings`, 'sitting-doubled-proxy', { present: ['m01', 'm02', 'm03'], proxies: [{ from: 'm04', to: 'm02' }, { from: 'm05', to: 'm02' }] });
    expect(doubled.status).toBe(422);
    expect(doubled.json.code).toBe('proxy-already-held');
    const stranger = await step(`${path}/sittings`, 'sitting-stranger', { present: ['m01', 'm99'] });
    expect(stranger.status).toBe(422);
    expect(stranger.json.code).toBe('not-a-member');
    expect((await session(sessionId)).sittings).toHaveLength(0);

    // The room records who is present; the proxy m04 gave ahead to m02, present, is the sitting's.
    const first = await step(`${path}/sittings`, 'sitting-1', { present: ['m01', 'm02', 'm03'] });
    expect(first.status).toBe(200);
    const afterFirst = first.json as unknown as SessionView & { sittings: { proxies: unknown[] }[] };
    expect(afterFirst.sittings[0]!.proxies).toEqual([{ from: 'm04', to: 'm02' }]);
    const tooLate = await request('POST', `${path}/attendance-replies`, { token: await member('m06'), headers: { ...idem('reply-m06-late'), 'accept-language': 'en' }, body: { reply: 'absent' } });
    expect(tooLate.status).toBe(409);
    expect(afterFirst.status).toBe('adjourned');
    expect(afterFirst.sittings[0]!.quorum).toMatchObject({ required: 5, counted: 3, met: false, mayDeliberate: false });
    expect(afterFirst.next).toMatchObject({ round: 2, earliest: `${year}-10-15`, latest: `${year}-10-17` });
    // Its drafted convocation is reminded on the session's deadline case: at 09:00 the next day, unless sent by then.
    expect(first.json.convocationReminder).toMatchObject({ round: 2, lastDay: `${year}-10-14`, at: localTime(`${year}-10-13`, 9).toISOString() });
    expect(moroccan(new Date(afterFirst.next!.proposedStart), { hour: '2-digit', minute: '2-digit' })).toBe('10:00');
    expect((await step(`${path}/convocation`, 'convene-2')).json).toMatchObject({ status: 'convened', convocations: [{ round: 1 }, { round: 2 }] });

    await setClock(new Date(Date.parse(afterFirst.next!.proposedStart) + 5 * 60_000));
    const second = await step(`${path}/sittings`, 'sitting-2', { present: ['m01', 'm02', 'm03', 'm04'] });
    const afterSecond = second.json as unknown as SessionView;
    expect(afterSecond.status).toBe('adjourned');
    const third = workingDayAfter(workingDayAfter(`${year}-10-15`, 3, holidays), 1, holidays);
    expect(afterSecond.next).toMatchObject({ round: 3, earliest: third });
    expect(afterSecond.next!.latest).toBeUndefined();
    expect((await step(`${path}/convocation`, 'convene-3')).status).toBe(200);

    await setClock(localTime(addDays(third, -1), 12));
    const early = await step(`${path}/sittings`, 'sitting-3-early', { present: ['m01', 'm02', 'm03'] });
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('sitting-outside-window');
    await setClock(new Date(Date.parse(afterSecond.next!.proposedStart) + 5 * 60_000));
    const deliberating = await step(`${path}/sittings`, 'sitting-3', { present: ['m01', 'm02', 'm03'] });
    expect(deliberating.json).toMatchObject({ status: 'sitting' });
    expect((deliberating.json as unknown as SessionView).sittings[2]!.quorum).toMatchObject({ round: 3, counted: 3, met: false, mayDeliberate: true });
  });

  it('counts the named votes, the president deciding the tie, and numbers the deliberations in the year without gaps', async () => {
    const path = sessionPath(sessionId);
    const absent = await step(`${path}/items/1/votes`, 'vote-absent', { votes: [{ member: 'm01', choice: 'for' }, { member: 'm07', choice: 'for' }] });
    expect(absent.status).toBe(422);
    expect(absent.json.code).toBe('not-a-member');
    const twice = await step(`${path}/items/1/votes`, 'vote-twice', { votes: [{ member: 'm01', choice: 'for' }, { member: 'm01', choice: 'against' }] });
    expect(twice.status).toBe(422);
    expect(twice.json.code).toBe('voted-twice');
    const budget = await step(`${path}/items/1/votes`, 'vote-budget', { votes: [{ member: 'm01', choice: 'for' }, { member: 'm02', choice: 'against' }, { member: 'm03', choice: 'abstain' }] });
    expect(budget.status).toBe(200);
    expect(budget.json).toMatchObject({
      number: `${year}/1`,
      state: 'adopted',
      result: { outcome: 'adopted', rule: 'votes-cast', tieDecidedByPresident: true, counts: { for: 1, against: 1, abstain: 1, 'not-voting': 0, conflict: 0 } },
      votes: [{ member: 'm01', choice: 'for' }, { member: 'm02', choice: 'against' }, { member: 'm03', choice: 'abstain' }],
    });
    const again = await step(`${path}/items/1/votes`, 'vote-budget-again', { votes: [{ member: 'm02', choice: 'for' }] });
    expect(again.status).toBe(422);
    expect(again.json.code).toBe('voted-twice');
    const closed = await step(`${path}/items/2/votes`, 'vote-closed', { votes: [{ member: 'm01', choice: 'for' }, { member: 'm02', choice: 'for' }, { member: 'm03', choice: 'conflict' }] });
    expect(closed.json).toMatchObject({ number: `${year}/2`, result: { outcome: 'adopted', counts: { for: 2, conflict: 1 } } });
    const closing = await step(`${path}/closing`, 'close-session');
    expect(closing.json).toMatchObject({ status: 'closed', transmissionControl: { clock: { period: { days: 10, unit: 'working' } } } });
    // The transmission period: ten working days from the close, a case the deadline workflow watches.
    const closedOn = moroccan(new Date(String(closing.json.closedAt)), { year: 'numeric', month: '2-digit', day: '2-digit' });
    expect((closing.json.transmissionControl as { clock: { dueDate: string } }).clock.dueDate).toBe(workingDayAfter(closedOn, 10, holidays));
    await settle();
    const pdf = await download(`${deliberationPath(`${sessionId}.1`)}/pdf`, await governor());
    expect(pdf.status).toBe(200);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await download(`${deliberationPath(`${sessionId}.1`)}/pdf`, await as('citizen', ['citizen']))).status).toBe(403);
    const minutes = await download(`${sessionPath(sessionId)}/minutes/pdf`, await governor());
    expect(minutes.status).toBe(200);
    expect(Buffer.from(minutes.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it("transmits the deliberations, takes the governor's opposition within its window only, and derives enforceability", async () => {
    const budget = `${sessionId}.1`;
    const closed = `${sessionId}.2`;
    const transmitted = await step(`${deliberationPath(budget)}/transmission`, 'transmit-1');
    expect(transmitted.json).toMatchObject({ state: 'transmitted', transmission: { inTime: true, clock: { period: { days: 10, unit: 'working' } } } });
    expect((await step(`${deliberationPath(closed)}/transmission`, 'transmit-2')).status).toBe(200);
    // The governor of another prefecture is refused, and nothing is written: the deliberation is still transmitted.
    const elsewhere = await step(`${deliberationPath(budget)}/receipt`, 'receive-fes', undefined, await governorOfFes());
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json.code).toBe('forbidden');
    expect((await request('GET', deliberationPath(budget), { token: await governorOfFes() })).status).toBe(403);
    expect((await request('GET', deliberationPath(budget), { token: await secretary() })).json).toMatchObject({ state: 'transmitted', version: transmitted.json.version });
    const received = await step(`${deliberationPath(budget)}/receipt`, 'receive-1', undefined, await governor());
    expect(received.json).toMatchObject({ state: 'received', enforceability: { enforceable: false, reason: 'opposition-window-open' } });
    // The budget needs the governor's visa: a refusal needs its reasons; refused, the budget is not enforceable.
    expect((await step(`${deliberationPath(budget)}/visa`, 'visa-bare', { outcome: 'refused' }, await governor())).status).toBe(400);
    const refusedVisa = await step(`${deliberationPath(budget)}/visa`, 'visa-1', { outcome: 'refused', reasons: 'Des dépenses obligatoires manquent' }, await governor());
    expect(refusedVisa.json).toMatchObject({ visa: { decision: { outcome: 'refused', inTime: true } }, enforceability: { enforceable: false, reason: 'visa-refused' } });
    expect((await step(`${deliberationPath(closed)}/visa`, 'visa-2', { outcome: 'given' }, await governor())).status).toBe(409);
    const opposed = await step(`${deliberationPath(budget)}/opposition`, 'oppose-1', { reasons: 'Des dépenses obligatoires ne sont pas inscrites' }, await governor());
    expect(opposed.json).toMatchObject({ state: 'opposed', enforceability: { enforceable: false, reason: 'opposed' } });
    const maintained = await step(`${deliberationPath(budget)}/re-examination`, 'reexamine-1', { outcome: 'maintained' });
    expect(maintained.json).toMatchObject({ state: 'maintained', reexamination: { outcome: 'maintained' }, enforceability: { enforceable: false, reason: 'awaiting-court' } });

    const receipt = await step(`${deliberationPath(closed)}/receipt`, 'receive-2', undefined, await governor());
    const window = (receipt.json.receipt as { oppositionClock: { dueAt: string; dueDate: string } }).oppositionClock;
    const receiptDate = moroccan(new Date(String((receipt.json.receipt as { at: string }).at)), { year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(window.dueDate).toBe(workingDayAfter(receiptDate, 3, holidays));
    await setClock(new Date(Date.parse(window.dueAt) + 60_000));
    const late = await step(`${deliberationPath(closed)}/opposition`, 'oppose-2', { reasons: 'Trop tard' }, await governor());
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('opposition-window-closed');
    const enforceable = await request('GET', deliberationPath(closed), { token: await secretary() });
    expect(enforceable.json).toMatchObject({ state: 'received', enforceability: { enforceable: true } });
    // The deadline workflow woke at the end of the window and recorded it: the deliberation is enforceable since then.
    await settle();
    const recorded = await request('GET', deliberationPath(closed), { token: await secretary() });
    expect(recorded.json).toMatchObject({ enforceableSince: window.dueAt, oppositionPassedAt: expect.any(String), enforceability: { enforceable: true, since: window.dueAt } });

    // Both deliberations went in time: at the end of the transmission period the session's case closes, no one told.
    const transmission = (await session(sessionId)) as unknown as { transmissionControl: { clock: { dueAt: string } } };
    await setClock(new Date(Date.parse(transmission.transmissionControl.clock.dueAt) + 60_000));
    await settle();
    expect(await session(sessionId)).toMatchObject({ transmissionControl: { checked: { late: [] } } });

    // The session planned ahead was never convened: its workflow woke at the reminder and the secretariat was told.
    expect(await session(aheadId)).toMatchObject({ status: 'planned', convocationReminder: { sentAt: expect.any(String) } });
    const inbox = await request('GET', '/v1/notifications?limit=100', { token: await secretary() });
    const reminders = (inbox.json.items as { topic: string; about: { id: string }; message: { fr: string } }[]).filter((item) => item.topic === 'council-convocation-reminder');
    expect(reminders.map((item) => item.about.id)).toEqual([aheadId]);
    expect(reminders[0]!.message.fr).toContain(`${year}-10-16`);
  });

  it("publishes the council in OParl 1.1: the closed item's decision, never its content", async () => {
    const texts: string[] = [];
    const get = async (path: string) => {
      const reply = await request('GET', path.replace(/^https?:\/\/[^/]+/, ''));
      expect(reply.status, path).toBe(200);
      texts.push(reply.text);
      return reply.json as Record<string, unknown>;
    };
    const system = await get('/oparl/v1/system');
    expect(oparlObjectErrors(system)).toEqual([]);
    const bodies = await get(String(system.body));
    expect(oparlListErrors(bodies)).toEqual([]);
    const body = await get(`/oparl/v1/bodies/${BODY}`);
    expect(oparlObjectErrors(body)).toEqual([]);
    for (const list of ['organization', 'person', 'meeting', 'paper'] as const) {
      const page = await get(String(body[list]));
      expect(oparlListErrors(page), list).toEqual([]);
    }
    const people = await get(`${String(body.person)}?limit=4`);
    expect((people.data as unknown[]).length).toBe(4);
    const rest = await get(String((people.links as { next: string }).next));
    expect((rest.data as unknown[]).length).toBe(4);
    const meetings = (await get(String(body.meeting))).data as { name: string; agendaItem: Record<string, unknown>[] }[];
    const meeting = meetings.find((candidate) => candidate.name.includes('budget'))!;
    const [publicItem, closedItem] = meeting.agendaItem as [Record<string, unknown>, Record<string, unknown>];
    expect(publicItem).toMatchObject({ public: true, result: `Adopté — délibération n° ${year}/1` });
    expect(closedItem).toMatchObject({ public: false, name: 'Point examiné à huis clos', result: `Adopté — délibération n° ${year}/2` });
    expect(closedItem.resolutionText).toBeUndefined();
    // The public item's paper is a File with its size and type (no SHA-512: none was computed), downloaded by a
    // redirect to a short-lived link; the closed item's paper appears nowhere and is not found.
    expect(closedItem.auxiliaryFile).toBeUndefined();
    const [paperFile] = publicItem.auxiliaryFile as [Record<string, unknown>];
    expect(paperFile).toMatchObject({ type: 'https://schema.oparl.org/1.1/File', fileName: 'projet-de-budget.pdf', mimeType: 'application/pdf', size: BUDGET_PDF.length });
    expect(paperFile.sha512Checksum).toBeUndefined();
    expect(oparlObjectErrors(await get(String(paperFile.id)))).toEqual([]);
    const redirect = await fetch(String(paperFile.downloadUrl), { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(sha256Of(new Uint8Array(await (await fetch(redirect.headers.get('location')!)).arrayBuffer()))).toBe(sha256Of(BUDGET_PDF));
    const closedFileId = `${BODY}~${sessionId}~2~${closedPaperId}`;
    expect((await request('GET', `/oparl/v1/objects/file/${closedFileId}`)).status).toBe(404);
    expect((await request('GET', `/oparl/v1/files/${closedFileId}/download`)).status).toBe(404);
    for (const item of [publicItem, closedItem]) {
      expect(oparlObjectErrors(await get(String(item.id)))).toEqual([]);
      const consultation = await get(String(item.consultation));
      expect(oparlObjectErrors(consultation)).toEqual([]);
      const paper = await get(String(consultation.paper));
      expect(oparlObjectErrors(paper)).toEqual([]);
      expect(paper.keyword).toContain('result:adopted');
    }
    const papers = (await get(String(body.paper))).data as { reference: string; mainFile?: { accessUrl: string; sha512Checksum: string } }[];
    const budgetPaper = papers.find((paper) => paper.reference === `${year}/1`)!;
    const content = await request('GET', budgetPaper.mainFile!.accessUrl.replace(/^https?:\/\/[^/]+/, ''));
    expect(content.text).toContain('Pour : 1, contre : 1');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha512').update(content.text).digest('hex')).toBe(budgetPaper.mainFile!.sha512Checksum);
    expect(papers.find((paper) => paper.reference === `${year}/2`)!.mainFile).toBeUndefined();
    const person = await get(`/oparl/v1/objects/person/${BODY}~m01`);
    expect(oparlObjectErrors(person)).toEqual([]);
    const membership = await get(String((person.membership as { id: string }[])[0]!.id));
    expect(oparlObjectErrors(membership)).toEqual([]);
    expect(texts.join('\n')).not.toContain(SECRET);
    expect(texts.join('\n')).not.toContain(SECRET_PAPER);
    expect(texts.join('\n')).not.toContain(closedPaperId);
    expect((await request('GET', `/oparl/v1/files/${BODY}~${sessionId}~2/content`)).status).toBe(404);
  });

  it('serves the meetings as an iCalendar feed that a parser reads, at their hour in Africa/Casablanca', async () => {
    const reply = await request('GET', `/v1/councils/bodies/${BODY}/calendar.ics`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(reply.text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const budget = events.filter((event) => event.uid.startsWith(sessionId)).sort((a, b) => a.startDate.toJSDate().getTime() - b.startDate.toJSDate().getTime());
    expect(budget).toHaveLength(3);
    const session3 = await session(sessionId);
    expect(budget.map((event) => moroccan(event.startDate.toJSDate(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }))).toEqual([
      `${year}-10-12, 10:00`,
      `${year}-10-15, 10:00`,
      `${moroccan(new Date(session3.convocations[2]!.start), { year: 'numeric', month: '2-digit', day: '2-digit' })}, 10:00`,
    ]);
    expect(budget[0]!.summary).toContain('budget');
    expect(events.some((event) => event.summary === 'Session hâtive')).toBe(true);
  });
});
