// Access to information over HTTP on the local platform, on the virtual clock: a citizen files a request the
// working day before a holiday and a weekend; an agent acknowledges it, records the notice of an extension, then
// extends it, and answers it in part with the withheld part's grounds; a second, urgent request is counted in 3
// working days across the holiday and the weekend and, left unanswered, becomes implicitly refused at its due
// instant with the recourse in its requester's inbox, is complained of to the head of the body, and its CDAI
// complaint pack holds its whole timeline; a letter the registry office classifies as an
// access-to-information request opens one whose clock starts at the letter's receipt instant; a dataset the
// president approves is listed in the public DCAT-AP catalogue (at once, or at its embargo's end), which validates
// against the DCAT-AP shapes. Bad
// input is refused with nothing written.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { idFromIdempotencyKey } from '../../functions/shared/http/idempotency-ids.ts';
import { declareDatasetRoute } from '../../functions/open-data/schemas/datasets.schema.ts';
import { validateDcatAp } from '../fixtures/dcat-ap/validate-dcat-ap.ts';
import { request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'rabat';
const DAY_MS = 86_400_000;
/** Fetched afresh for each call: the virtual clock moves by weeks here, and tokens live an hour. */
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const citizen = () => as('citizen', ['citizen']);
const agent = () => as('agent', ['agent'], COMMUNE);
const requester = { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Agdal, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' }, email: 'salma@example.ma' };
const asked = { commune: COMMUNE, requester, information: 'Le budget 2026 de la commune et le détail des dépenses de voirie', format: 'electronic' };

interface RequestView {
  readonly id: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly lapsedAt?: string;
  readonly recourse?: { readonly fr: string };
  readonly registryLetter?: { readonly letterId: string; readonly number: string };
  readonly clock: { readonly receiptDate: string; readonly dueDate: string; readonly dueAt: string; readonly status: string; readonly explanation: { code: string; from?: string; to?: string }[] };
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The n-th working day after `date`: the oracle the clock is checked against (weekends and the platform's holidays). */
function workingDaysAfter(date: string, n: number, holidays: ReadonlySet<string>): string {
  let day = dayOf(date);
  for (let counted = 0; counted < n; ) {
    day += 1;
    const next = dateOf(day);
    if (weekday(next) !== 0 && weekday(next) !== 6 && !holidays.has(next)) counted += 1;
  }
  return dateOf(day);
}

async function holidaysOf(years: readonly number[]): Promise<Set<string>> {
  const lists = await Promise.all(years.map(async (year) => (await request('GET', `/v1/holidays?year=${year}`)).json.holidays as { date: string }[]));
  return new Set(lists.flat().map((holiday) => holiday.date));
}

/** A working day, a week or more ahead of the clock, followed by a holiday on a Friday: the count meets it, then the weekend. */
async function dayBeforeFridayHoliday(now: Date): Promise<{ date: string; holidays: Set<string> }> {
  const year = now.getUTCFullYear();
  const holidays = await holidaysOf([year, year + 1, year + 2]);
  const friday = [...holidays].sort().find((date) => weekday(date) === 5 && dayOf(date) - 7 > now.getTime() / DAY_MS && !holidays.has(dateOf(dayOf(date) - 1)));
  if (!friday) throw new Error('No holiday on a Friday ahead of the clock');
  return { date: dateOf(dayOf(friday) - 1), holidays };
}

async function setClock(instant: Date): Promise<void> {
  expect((await request('POST', '/_local/clock', { body: { set: instant.toISOString() } })).status).toBe(200);
}

async function read(id: string): Promise<RequestView> {
  const reply = await request('GET', `/v1/transparency/requests/${id}`, { token: await citizen() });
  expect(reply.status).toBe(200);
  return reply.json as unknown as RequestView;
}

async function historyOf(id: string): Promise<string[]> {
  const reply = await request('GET', `/v1/transparency/requests/${id}/history`, { token: await agent() });
  return (reply.json.items as { type: string }[]).map((event) => event.type);
}

async function inboxAbout(id: string): Promise<{ topic: string; message: { fr: string } }[]> {
  const inbox = await request('GET', '/v1/notifications?limit=100', { token: await citizen() });
  return (inbox.json.items as { topic: string; about: { id: string }; message: { fr: string } }[]).filter((item) => item.about.id === id);
}

describe('access to information over HTTP', () => {
  let filedOn: { date: string; holidays: Set<string> };

  it('files a request the day before a holiday, answers its retry with the same request, and counts 20 working days past the holiday', async () => {
    filedOn = await dayBeforeFridayHoliday(new Date((await request('GET', '/_local/clock')).json.now as string));
    // 11:00 UTC is the same Moroccan day at either offset.
    await setClock(new Date(`${filedOn.date}T11:00:00Z`));
    const key = { 'idempotency-key': `file-${unique}` };

    const filed = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: asked, headers: key });
    const retried = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: asked, headers: key });
    const reused = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: { ...asked, format: 'paper-copy' }, headers: key });

    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ status: 'received', channel: 'online', commune: COMMUNE, clock: { receiptDate: filedOn.date, period: { days: 20, unit: 'working' }, status: 'running' } });
    expect((filed.json.clock as RequestView['clock']).dueDate).toBe(workingDaysAfter(filedOn.date, 20, filedOn.holidays));
    expect(retried.json.id).toBe(filed.json.id);
    expect(reused.status).toBe(422);
    const mine = await request('GET', '/v1/transparency/my-requests', { token: await citizen() });
    expect((mine.json.items as { id: string }[]).map((item) => item.id)).toEqual([filed.json.id]);
  });

  it('acknowledges it, refuses an extension before its notice (nothing written), extends it once after the notice, and answers it in part with grounds', async () => {
    const id = ((await request('GET', '/v1/transparency/my-requests', { token: await citizen() })).json.items as { id: string }[])[0]!.id;
    const before = await read(id);

    expect((await request('POST', `/v1/transparency/requests/${id}/acknowledgment`, { token: await agent() })).json.status).toBe('acknowledged');
    expect((await request('POST', `/v1/transparency/requests/${id}/processing`, { token: await agent() })).json.status).toBe('in-progress');
    const otherCommune = await request('POST', `/v1/transparency/requests/${id}/extension-notice`, { token: await as('agent-casa', ['agent'], 'casablanca'), body: { reason: 'Volume', channel: 'platform' } });
    expect(otherCommune.status).toBe(403);
    const unnoticed = await request('POST', `/v1/transparency/requests/${id}/extension`, { token: await agent() });
    expect(unnoticed.status).toBe(409);
    expect(unnoticed.json.code).toBe('extension-notice-required');
    expect(await historyOf(id)).toEqual(['received', 'acknowledged', 'processing-started']);

    const noticed = await request('POST', `/v1/transparency/requests/${id}/extension-notice`, { token: await agent(), body: { reason: 'Documents à réunir auprès de trois services', channel: 'platform' } });
    expect(noticed.status).toBe(200);
    const extended = await request('POST', `/v1/transparency/requests/${id}/extension`, { token: await agent() });
    expect(extended.status).toBe(200);
    const extendedClock = extended.json.clock as RequestView['clock'];
    expect(extended.json.status).toBe('extended');
    expect(extendedClock.dueDate).toBe(workingDaysAfter(before.clock.dueDate, 20, filedOn.holidays));
    expect(extendedClock.explanation.map((step) => step.code)).toContain('extension');
    const again = await request('POST', `/v1/transparency/requests/${id}/extension`, { token: await agent() });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('extension-refused');

    const unknownGround = await request('POST', `/v1/transparency/requests/${id}/answer`, { token: await agent(), body: { outcome: 'refused', grounds: [{ ground: 'inconvenient', reason: 'x' }] } });
    expect(unknownGround.status).toBe(400);
    const withoutLink = await request('POST', `/v1/transparency/requests/${id}/answer`, { token: await agent(), body: { outcome: 'refused', grounds: [{ ground: 'already-published', reason: 'Publié' }] } });
    expect(withoutLink.status).toBe(400);
    const withheld = [{ part: 'Les noms des fournisseurs', grounds: [{ ground: 'article-7-exception', reason: 'Données personnelles de tiers' }] }];
    const answered = await request('POST', `/v1/transparency/requests/${id}/answer`, { token: await agent(), body: { outcome: 'partial', summary: 'Le budget 2026 est joint', format: 'electronic', withheld } });
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ status: 'answered-partial', answer: { outcome: 'partial', withheld }, clock: { status: 'stopped' } });
    expect((answered.json.recourse as { fr: string }).fr).toContain('CDAI');
    expect(await historyOf(id)).toEqual(['received', 'acknowledged', 'processing-started', 'extension-noticed', 'extended', 'answered']);

    await settle();
    expect((await inboxAbout(id)).map((item) => item.topic)).toEqual(
      expect.arrayContaining(['information-request-received', 'information-request-acknowledged', 'deadline-extension-notice', 'deadline-extended', 'information-request-answered-partial']),
    );
  });

  it('counts an urgent request in 3 working days across the holiday and the weekend, and lapses it into an implicit refusal at its due instant, complained of to the head of the body, then its CDAI pack', async () => {
    const urgent = { ...asked, urgency: { justification: "L'information conditionne l'évacuation d'un immeuble menaçant ruine" } };
    const filed = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: urgent });
    expect(filed.status).toBe(201);
    const id = filed.json.id as string;
    const clock = filed.json.clock as RequestView['clock'];
    const friday = dateOf(dayOf(filedOn.date) + 1);
    expect(clock.dueDate).toBe(workingDaysAfter(filedOn.date, 3, filedOn.holidays));
    expect(clock.explanation.find((step) => step.code === 'non-working-day')).toMatchObject({ from: friday });
    // The queue shows it urgent, and neither the requester's identity nor the justification.
    const listed = await request('GET', `/v1/transparency/queues/${COMMUNE}?limit=100`, { token: await agent() });
    expect((listed.json.items as { id: string; urgent: boolean }[]).find((item) => item.id === id)).toMatchObject({ urgent: true });
    for (const secret of [requester.name, requester.identityDocument.number, urgent.urgency.justification]) expect(listed.text).not.toContain(secret);
    await settle();

    await setClock(new Date(Date.parse(clock.dueAt) + 60_000));
    await settle();

    const lapsed = await read(id);
    expect(lapsed).toMatchObject({ status: 'implicitly-refused', clock: { status: 'lapsed' } });
    // Recorded by its workflow at the due instant, not by a nightly job.
    expect(Date.parse(lapsed.lapsedAt!)).toBeGreaterThan(Date.parse(clock.dueAt));
    expect(Date.parse(lapsed.lapsedAt!)).toBeLessThan(Date.parse(clock.dueAt) + 60_000);
    expect(lapsed.recourse?.fr).toContain('CDAI');
    const late = await request('POST', `/v1/transparency/requests/${id}/answer`, { token: await agent(), body: { outcome: 'full', summary: 'Trop tard', format: 'electronic' } });
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('implicitly-refused');
    const told = await inboxAbout(id);
    expect(told.find((item) => item.topic === 'implicitly-refused')?.message.fr).toContain('CDAI');
    const queue = await request('GET', `/v1/transparency/queues/${COMMUNE}?limit=100`, { token: await agent() });
    expect((queue.json.items as { id: string }[]).map((item) => item.id)).not.toContain(id);

    // The recourse: the complaint to the head of the body, its answer by the president, then the CDAI pack.
    const complaint = await request('POST', `/v1/transparency/requests/${id}/internal-complaint`, { token: await citizen(), body: { reason: "Aucune réponse n'a été donnée" } });
    expect(complaint.status).toBe(200);
    expect(complaint.json).toMatchObject({ status: 'internal-complaint', internalComplaint: { answerClock: { period: { days: 15, unit: 'working' } } } });
    const early = await request('POST', `/v1/transparency/requests/${id}/cdai-pack`, { token: await citizen() });
    expect(early.status).toBe(409);
    expect((await request('POST', `/v1/transparency/requests/${id}/internal-complaint/answer`, { token: await agent(), body: { text: 'Non' } })).status).toBe(403);
    const president = await as('president', ['president'], COMMUNE);
    const waiting = await request('GET', `/v1/transparency/complaints/${COMMUNE}?limit=100`, { token: president });
    expect((waiting.json.items as { id: string }[]).map((item) => item.id)).toContain(id);
    const headAnswer = await request('POST', `/v1/transparency/requests/${id}/internal-complaint/answer`, { token: president, body: { text: "L'information sera publiée le mois prochain" } });
    expect(headAnswer.status).toBe(200);
    const answeredQueue = await request('GET', `/v1/transparency/complaints/${COMMUNE}?limit=100`, { token: president });
    expect((answeredQueue.json.items as { id: string }[]).map((item) => item.id)).not.toContain(id);
    const pack = await request('POST', `/v1/transparency/requests/${id}/cdai-pack`, { token: await citizen() });
    const again = await request('POST', `/v1/transparency/requests/${id}/cdai-pack`, { token: await citizen() });
    expect(pack.status).toBe(200);
    expect(pack.json).toMatchObject({ filingDeadline: { days: 30 }, request: { id, status: 'cdai-pack-issued', requester } });
    expect((pack.json.timeline as { type: string }[]).map((event) => event.type)).toEqual(['received', 'implicitly-refused', 'internal-complaint-filed', 'internal-complaint-answered', 'cdai-pack-issued']);
    expect(again.json).toEqual(pack.json);
  });

  it('opens a request from a letter the registry office classifies as access to information, its clock from the letter receipt instant', async () => {
    const clerk = await as('clerk', ['clerk'], COMMUNE);
    const letter = {
      register: 'incoming',
      channel: 'post',
      sender: { name: 'Youssef Benali' },
      subject: "Demande d'accès aux procès-verbaux du conseil 2026",
      category: 'access-to-information',
      confidentiality: 'normal',
      priority: 'normal',
    };
    const registered = await request('POST', '/v1/registry/letters', { token: clerk, body: letter });
    expect(registered.status).toBe(201);
    await settle();

    const id = idFromIdempotencyKey('registry-office', registered.json.id as string);
    const opened = await request('GET', `/v1/transparency/requests/${id}`, { token: await agent() });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({
      status: 'received',
      channel: 'registry-office',
      receivedAt: registered.json.receivedAt,
      registryLetter: { letterId: registered.json.id, number: registered.json.number },
      clock: { receiptDate: String(registered.json.receivedAt).slice(0, 10), period: { days: 20 } },
    });
    const queue = await request('GET', `/v1/transparency/queues/${COMMUNE}?limit=100`, { token: await agent() });
    expect((queue.json.items as { id: string; channel: string }[]).find((item) => item.id === id)).toMatchObject({ channel: 'registry-office', status: 'received' });
  });

  it('asks for clarification with the clock running by default, and as a suspension where the commune set it so', async () => {
    const filed = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: asked });
    const id = filed.json.id as string;
    const question = await request('POST', `/v1/transparency/requests/${id}/clarification`, { token: await agent(), body: { question: 'Quelle année budgétaire ?' } });
    expect(question.status).toBe(200);
    expect(question.json.clock).toMatchObject({ status: 'running', dueDate: (filed.json.clock as RequestView['clock']).dueDate });
    const reply = await request('POST', `/v1/transparency/requests/${id}/clarification-reply`, { token: await citizen(), body: { reply: "L'exercice 2026" } });
    expect(reply.status).toBe(200);
    expect((reply.json.clarifications as { reply?: string }[]).map((clarification) => clarification.reply)).toEqual(["L'exercice 2026"]);

    const elsewhere = 'tamesna';
    const admin = await as('admin', ['admin']);
    const set = await request('PUT', `/v1/transparency/settings/${elsewhere}`, {
      token: admin,
      body: {
        periods: { normal: { days: 20, extensionDays: 20 }, urgent: { days: 3, extensionDays: 3 } },
        clarificationSuspendsClock: true,
        recourse: { complaintFilingDays: 20, complaintAnswerDays: 15 },
      },
      headers: { 'idempotency-key': `settings-${unique}` },
    });
    expect(set.status).toBe(200);
    const suspending = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: { ...asked, commune: elsewhere } });
    expect(suspending.json.clarificationSuspendsClock).toBe(true);
    const tamesnaAgent = () => as('agent-tamesna', ['agent'], elsewhere);
    const suspended = await request('POST', `/v1/transparency/requests/${String(suspending.json.id)}/clarification`, { token: await tamesnaAgent(), body: { question: 'Quel quartier ?' } });
    expect(suspended.json.clock).toMatchObject({ status: 'suspended' });
    await setClock(new Date(Date.parse((await request('GET', '/_local/clock')).json.now as string) + 2 * DAY_MS));
    const resumed = await request('POST', `/v1/transparency/requests/${String(suspending.json.id)}/clarification-reply`, { token: await tamesnaAgent(), body: { reply: 'Hay Riad, reçu par courrier' } });
    expect(resumed.json.clock).toMatchObject({ status: 'running' });
    expect((resumed.json.clock as RequestView['clock']).dueDate > (suspending.json.clock as RequestView['clock']).dueDate).toBe(true);
  });

  it('publishes a dataset the president approved in the public DCAT-AP catalogue, a draft not, one under embargo at its end, with no personal data', async () => {
    // The route's own example: a budget, in CSV.
    const dataset = declareDatasetRoute.bodyExample!;
    const declared = await request('POST', '/v1/transparency/datasets', { token: await agent(), body: dataset, headers: { 'idempotency-key': `dataset-${unique}` } });
    const draft = await request('POST', '/v1/transparency/datasets', { token: await agent(), body: { ...dataset, title: { ar: 'مسودة', fr: 'Brouillon' } } });
    expect(declared.json).toMatchObject({ status: 'draft', commune: COMMUNE });
    expect((await request('POST', `/v1/transparency/datasets/${String(declared.json.id)}/approval`, { token: await agent() })).status).toBe(403);

    const approved = await request('POST', `/v1/transparency/datasets/${String(declared.json.id)}/approval`, { token: await as('president', ['president'], COMMUNE) });
    expect(approved.json).toMatchObject({ status: 'published' });
    await settle();

    const catalogue = await request('GET', `/v1/transparency/catalogues/${COMMUNE}`);
    expect(catalogue.status).toBe(200);
    const report = await validateDcatAp(catalogue.json);
    expect(report.violations).toEqual([]);
    expect(report.datasets).toContain(`urn:raqmana:transparency:dataset:${String(declared.json.id)}`);
    expect(report.datasets).not.toContain(`urn:raqmana:transparency:dataset:${String(draft.json.id)}`);
    for (const secret of [requester.name, requester.identityDocument.number, requester.email]) expect(catalogue.text).not.toContain(secret);
    expect((await request('GET', '/v1/transparency/catalogues/oujda')).status).toBe(404);

    // Under embargo: approved, then published at the start of its end date, by its workflow.
    const now = new Date((await request('GET', '/_local/clock')).json.now as string);
    const embargoUntil = dateOf(Math.floor(now.getTime() / DAY_MS) + 3);
    const embargoed = await request('POST', '/v1/transparency/datasets', { token: await agent(), body: { ...dataset, embargoUntil } });
    const waiting = await request('POST', `/v1/transparency/datasets/${String(embargoed.json.id)}/approval`, { token: await as('president', ['president'], COMMUNE) });
    expect(waiting.json).toMatchObject({ status: 'approved', embargoUntil });
    await settle();
    const embargoedIri = `urn:raqmana:transparency:dataset:${String(embargoed.json.id)}`;
    expect((await validateDcatAp((await request('GET', `/v1/transparency/catalogues/${COMMUNE}`)).json)).datasets).not.toContain(embargoedIri);
    await setClock(new Date(Date.parse(`${embargoUntil}T00:00:00Z`) + DAY_MS / 2));
    await settle();
    const after = await validateDcatAp((await request('GET', `/v1/transparency/catalogues/${COMMUNE}`)).json);
    expect(after.conforms).toBe(true);
    expect(after.datasets).toContain(embargoedIri);
  });

  it('refuses bad input in the caller language and writes nothing', async () => {
    const token = await citizen();
    const before = ((await request('GET', '/v1/transparency/my-requests?limit=100', { token })).json.items as unknown[]).length;
    const { requester: _identity, ...anonymous } = asked;

    const replies = await Promise.all([
      request('POST', '/v1/transparency/requests', { token, body: anonymous }),
      request('POST', '/v1/transparency/requests', { token, body: { ...asked, urgency: {} } }),
      request('POST', '/v1/transparency/requests', { token, body: { ...asked, requester: { ...requester, identityDocument: { kind: 'cnie', number: '123' } } } }),
      request('POST', '/v1/transparency/requests', { token, body: { ...asked, fee: 10 } }),
      request('POST', '/v1/transparency/requests', { token, body: { ...asked, commune: 'nowhere-at-all' }, headers: { 'accept-language': 'fr' } }),
    ]);

    expect(replies.map((reply) => reply.status)).toEqual([400, 400, 400, 400, 404]);
    expect(replies[1]!.json.errors?.[0]?.pointer).toBe('/body/urgency/justification');
    expect(replies[4]!.json.detail).toBe('Commune nowhere-at-all inconnue');
    const after = ((await request('GET', '/v1/transparency/my-requests?limit=100', { token })).json.items as unknown[]).length;
    expect(after).toBe(before);
  });
});
