// Complaints over HTTP on the local platform with the virtual clock: a citizen files a complaint; the unit is
// reminded, and the acknowledgment deadline lapses at day 15 (counted late then, seen in the queue) before the
// unit acknowledges; it asks for information (the answer clock suspended) and the citizen replies (resumed, later);
// the file is transferred to another commune, whose unit answers in time; the citizen rates the answer and reopens; the
// second answer is given and the complaint closed; the open figures count one late acknowledgment, no late answer
// and one reopening. A letter the registry office classifies as a complaint opens one
// with its clocks from the registry's receipt instant. A new complaint near an open one of its category, or in the
// same words, is suggested to the unit as its possible duplicate; qualified one, its complainant is told the answer.
// A citizen files with a location and a photo carrying GPS EXIF: the unit reads the photo as taken, the public
// Open311 read links only to its copy without metadata. Where the commune turns it on, anyone files without signing
// in with a contact the unit alone sees, and follows the complaint by the token handed out once. A place outside the
// commune's territory, as its administrator drew it, is refused natively and through Open311. A citizen lists their
// own complaints, newest first, page by page. Bad input is refused
// with nothing written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { idFromIdempotencyKey } from '../../functions/shared/http/idempotency-ids.ts';
import { holdsGpsExif, jpegWithGps, PLAIN_JPEG } from '../fixtures/photo-files.ts';
import { readOnceScanned, request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const FIRST = 'tanger';
const SECOND = 'agadir';
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const citizen = () => as('complainant', ['citizen']);
const officerOf = (commune: string) => as(`officer-${commune}`, ['complaints-officer'], commune);
const filing = { commune: FIRST, kind: 'reclamation', category: 'eclairage-public', text: 'Les lampadaires de la rue Ibn Batouta sont éteints depuis deux semaines.', location: { point: { lat: 35.7673, long: -5.7998 }, quarter: 'Malabata' } };

async function advance(duration: string) {
  const reply = await request('POST', '/_local/clock', { body: { advance: duration } });
  expect(reply.status).toBe(200);
}

let step = 0;
async function act(id: string, segment: string, token: string, body: unknown = {}) {
  step += 1;
  return request('POST', `/v1/complaints/${id}/${segment}`, { token, body, headers: { 'idempotency-key': `${segment}-${step}-${unique}` } });
}

type Totals = Record<'received' | 'acknowledgedLate' | 'answered' | 'answeredLate' | 'reopened' | 'rated', number>;

async function figuresOf(commune: string, year: number): Promise<Totals> {
  const reply = await request('GET', `/v1/stats/complaints/${commune}/${year}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.json.totals as Totals;
}

async function queueOf(commune: string) {
  const reply = await request('GET', `/v1/complaints/queues/${commune}?limit=100`, { token: await officerOf(commune) });
  expect(reply.status).toBe(200);
  return reply.json.items as { id: string; status: string; lapses?: Record<string, string>; remindersSent?: string[]; acknowledgmentDueAt: string }[];
}

describe('complaints over HTTP', () => {
  it('counts a late acknowledgment at day 15, suspends the answer clock for information, transfers the file, and reopens it once', async () => {
    const year = Number(String((await request('GET', '/_local/clock')).json.now).slice(0, 4));
    const before = { first: await figuresOf(FIRST, year), second: await figuresOf(SECOND, year) };
    const key = { 'idempotency-key': `file-${unique}` };
    const filed = await request('POST', '/v1/complaints', { token: await citizen(), body: filing, headers: key });
    const retried = await request('POST', '/v1/complaints', { token: await citizen(), body: filing, headers: key });
    expect(filed.status, filed.text).toBe(201);
    expect(retried.json.id).toBe(filed.json.id);
    const id = String(filed.json.id);
    const clocks = filed.json.clocks as { acknowledgment: { dueAt: string }; answer: { dueDate: string } };
    await settle();

    // Day 16: reminded five days before, then the deadline passed unmet and was counted late as it passed.
    await advance('P16D');
    await settle();
    // The queue is an index, which DynamoDB updates a moment after the complaint (its reads are eventually
    // consistent), and the lapse follows the reminder's own change through its event and a new workflow: each look
    // settles what is still on its way first, for up to ten seconds.
    // Other stories share the platform's holidays: one that confirms or moves a holiday of these days recounts the
    // complaint's deadline, which may then fall after day 16; the clock is then carried past its new instant.
    const pastAcknowledgmentDue = async () => {
      const current = await request('GET', `/v1/complaints/${id}`, { token: await officerOf(FIRST) });
      const dueAt = Date.parse((current.json.clocks as { acknowledgment: { dueAt: string } }).acknowledgment.dueAt);
      const now = Date.parse((await request('GET', '/_local/clock')).json.now as string);
      if (now <= dueAt) expect((await request('POST', '/_local/clock', { body: { set: new Date(dueAt + 60_000).toISOString() } })).status).toBe(200);
    };
    const queuedWithLapse = async () => {
      for (let attempt = 1; ; attempt += 1) {
        const [entry] = (await queueOf(FIRST)).filter((queued) => queued.id === id);
        if (entry?.lapses?.acknowledgment || attempt === 40) return entry;
        if (attempt % 8 === 0) await pastAcknowledgmentDue();
        await settle();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const queued = await queuedWithLapse();
    expect(queued).toMatchObject({ status: 'submitted', remindersSent: ['acknowledgment'] });
    expect(Date.parse(queued!.lapses!.acknowledgment!)).toBeGreaterThan(Date.parse(clocks.acknowledgment.dueAt));

    // Tokens expire within the hour: each call after the clock moved asks for a fresh one.
    const officer = () => officerOf(FIRST);
    const acknowledged = await act(id, 'acknowledgment', await officer());
    expect(acknowledged.status, acknowledged.text).toBe(200);
    expect(acknowledged.json.acknowledgment).toMatchObject({ late: true });
    expect((await act(id, 'qualification', await officer(), { decision: 'admissible' })).status).toBe(200);
    expect((await act(id, 'assignment', await officer(), { service: 'eclairage' })).status).toBe(200);
    expect((await act(id, 'taking-up', await officer())).json.status).toBe('in-progress');

    const asked = await act(id, 'information-request', await officer(), { question: 'Quel est le numéro du lampadaire le plus proche ?' });
    expect(asked.json).toMatchObject({ status: 'information-requested' });
    await advance('P5D');
    const replied = await act(id, 'information', await citizen(), { text: 'Le n° 118, en face de la pharmacie.' });
    expect(replied.json.status).toBe('in-progress');
    const answerDue = (replied.json.clocks as { answer: { dueDate: string; suspensions: unknown[] } }).answer;
    expect(answerDue.suspensions).toHaveLength(1);
    expect(answerDue.dueDate > clocks.answer.dueDate).toBe(true);

    const transferred = await act(id, 'transfer', await officer(), { to: { kind: 'collectivity', name: "Commune d'Agadir", commune: SECOND }, reason: 'La voie relève de la commune voisine' });
    expect(transferred.json).toMatchObject({ status: 'transferred', commune: SECOND, filedWith: FIRST });
    expect((await request('GET', `/v1/complaints/${id}`, { token: await officer() })).status).toBe(403);
    expect((await queueOf(SECOND)).map((entry) => entry.id)).toContain(id);

    expect((await act(id, 'assignment', await officerOf(SECOND), { service: 'eclairage' })).status).toBe(200);
    const answered = await act(id, 'answer', await officerOf(SECOND), { text: 'Les lampadaires ont été remplacés.', signedBy: 'Le Président du conseil communal' });
    expect(answered.json.answer).toMatchObject({ late: false });

    expect((await act(id, 'rating', await citizen(), { score: 2 })).status).toBe(200);
    expect((await act(id, 'reopening', await citizen(), { reason: 'Un seul des trois lampadaires fonctionne.' })).json.status).toBe('reopened');
    expect((await act(id, 'reopening', await citizen(), { reason: 'Encore' })).status).toBe(409);
    expect((await act(id, 'taking-up', await officerOf(SECOND))).status).toBe(200);
    expect((await act(id, 'answer', await officerOf(SECOND), { text: 'Les trois fonctionnent.', signedBy: 'Le Président du conseil communal' })).status).toBe(200);
    const closed = await act(id, 'closure', await officerOf(SECOND), { note: 'Vérifié sur place' });
    expect(closed.json).toMatchObject({ status: 'closed', lapses: { acknowledgment: queued!.lapses!.acknowledgment } });
    expect((await queueOf(SECOND)).map((entry) => entry.id)).not.toContain(id);

    const history = await request('GET', `/v1/complaints/${id}/history?limit=100`, { token: await citizen() });
    expect((history.json.items as { type: string }[]).map((event) => event.type)).toEqual([
      'filed',
      'reminded',
      'deadline-lapsed',
      'acknowledged',
      'qualified',
      'assigned',
      'taken-up',
      'information-requested',
      'information-provided',
      'transferred',
      'assigned',
      'answered',
      'rated',
      'reopened',
      'taken-up',
      'answered',
      'closed',
    ]);
    // The open figures: received and acknowledged late where it was filed; answered in time, reopened and rated
    // where it was transferred (the second answer of a reopened complaint is not counted again).
    await settle();
    const after = { first: await figuresOf(FIRST, year), second: await figuresOf(SECOND, year) };
    expect(after.first.received - before.first.received).toBe(1);
    expect(after.first.acknowledgedLate - before.first.acknowledgedLate).toBe(1);
    expect(after.second.answered - before.second.answered).toBe(1);
    expect(after.second.answeredLate - before.second.answeredLate).toBe(0);
    expect(after.second.reopened - before.second.reopened).toBe(1);
    expect(after.second.rated - before.second.rated).toBe(1);

    const notifications = await request('GET', '/v1/notifications?limit=100', { token: await citizen() });
    expect((notifications.json.items as { topic: string }[]).map((notice) => notice.topic)).toEqual(expect.arrayContaining(['complaint-acknowledged', 'complaint-information-requested', 'complaint-transferred', 'complaint-answered']));
  });

  it('opens a complaint from a letter the registry office classifies as one, its clocks from the registry’s receipt instant', async () => {
    const lodged = await request('POST', '/v1/registry/online-letters', {
      token: await citizen(),
      body: { commune: FIRST, subject: 'Réclamation : décharge sauvage derrière le marché', body: 'Depuis un mois, les ordures s’accumulent.' },
      headers: { 'idempotency-key': `letter-${unique}` },
    });
    expect(lodged.status, lodged.text).toBe(201);
    await advance('P3D');
    const clerk = await as('clerk', ['clerk'], FIRST);
    const classified = await request('POST', `/v1/registry/letters/${lodged.json.id}/classification`, { token: clerk, body: { category: 'complaint', confidentiality: 'normal' }, headers: { 'idempotency-key': `classify-${unique}` } });
    expect(classified.status, classified.text).toBe(200);
    await settle();

    const id = idFromIdempotencyKey('registry-office', String(lodged.json.id));
    const opened = await request('GET', `/v1/complaints/${id}`, { token: await citizen() });
    expect(opened.status, opened.text).toBe(200);
    expect(opened.json).toMatchObject({ channel: 'registry-office', receivedAt: lodged.json.receivedAt, letter: { letterId: lodged.json.id, number: lodged.json.number }, text: 'Réclamation : décharge sauvage derrière le marché', status: 'submitted' });
    const received = String(lodged.json.receivedAt).slice(0, 10);
    expect((opened.json.clocks as { acknowledgment: { receiptDate: string } }).acknowledgment.receiptDate).toBe(received);
    expect((await queueOf(FIRST)).map((entry) => entry.id)).toContain(id);
  });

  it('suggests to the unit the open complaints a new one may repeat: nearby in its category, or saying the same', async () => {
    const neighbour = (name: string) => as(`neighbour-${name}`, ['citizen']);
    const file = async (body: Record<string, unknown>, name: string) => {
      const reply = await request('POST', '/v1/complaints', { token: await neighbour(name), body: { ...filing, ...body } });
      expect(reply.status, reply.text).toBe(201);
      return String(reply.json.id);
    };
    const first = await file({ category: 'proprete', text: 'Dépôt sauvage devant le collège Ibn Khaldoun', location: { point: { lat: 35.7711, long: -5.8101 } } }, 'first');
    await settle();
    // About 45 m away, in other words; then far away but in the same words as the first.
    const near = await file({ category: 'proprete', text: 'Ordures entassées au coin de la rue', location: { point: { lat: 35.7715, long: -5.8101 } } }, 'near');
    const sameWords = await file({ category: 'proprete', text: 'DEPOT SAUVAGE devant le college ibn khaldoun', location: { point: { lat: 35.79, long: -5.83 } } }, 'same-words');
    await settle();

    const queue = await queueOf(FIRST);
    const suggestionsOf = (id: string) => queue.find((entry) => entry.id === id) as { suggestedDuplicates?: { id: string; reason: string }[] } | undefined;
    expect(suggestionsOf(near)?.suggestedDuplicates).toEqual([expect.objectContaining({ id: first, reason: 'nearby' })]);
    expect(suggestionsOf(sameWords)?.suggestedDuplicates).toEqual([expect.objectContaining({ id: first, reason: 'same-text' })]);
    expect(suggestionsOf(first)?.suggestedDuplicates).toBeUndefined();

    // The unit merges: the nearby one is qualified a duplicate; when the first is answered, its complainant is told too.
    const officer = await officerOf(FIRST);
    for (const id of [first, near]) expect((await act(id, 'acknowledgment', officer)).status).toBe(200);
    expect((await act(near, 'qualification', officer, { decision: 'duplicate', duplicateOf: first })).json.status).toBe('duplicate');
    expect((await act(first, 'qualification', officer, { decision: 'admissible' })).status).toBe(200);
    expect((await act(first, 'assignment', officer, { service: 'proprete' })).status).toBe(200);
    expect((await act(first, 'answer', officer, { text: 'Le dépôt a été enlevé et un conteneur installé.', signedBy: 'Le Président' })).status).toBe(200);
    await settle();
    const inbox = await request('GET', '/v1/notifications?limit=100', { token: await neighbour('near') });
    expect(inbox.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint-duplicate-answered' })]));
  });

  it('lets one of two officers acknowledging at the same instant win; the other is told it changed meanwhile', async () => {
    const filed = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, kind: 'observation' } });
    const officers = [await as('officer-a', ['complaints-officer'], FIRST), await as('officer-b', ['complaints-officer'], FIRST)];

    const replies = await Promise.all(officers.map((token, index) => request('POST', `/v1/complaints/${filed.json.id}/acknowledgment`, { token, body: {}, headers: { 'idempotency-key': `race-${index}-${unique}` } })));

    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const history = await request('GET', `/v1/complaints/${filed.json.id}/history`, { token: await citizen() });
    expect((history.json.items as { type: string }[]).filter((event) => event.type === 'acknowledged')).toHaveLength(1);
  });

  it('refuses an unknown category or commune in the caller’s language, writing nothing, and shows a complaint to no other citizen', async () => {
    const before = (await queueOf(FIRST)).length;

    const unknownCategory = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, category: 'piscines' }, headers: { 'accept-language': 'fr' } });
    const unknownCommune = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, commune: 'atlantis' } });

    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/body/category', code: 'unknown_category' }] });
    expect(unknownCommune.json).toMatchObject({ errors: [{ pointer: '/body/commune', code: 'unknown_commune' }] });
    expect(await queueOf(FIRST)).toHaveLength(before);

    const filed = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, kind: 'suggestion', category: 'espaces-verts' } });
    expect((await request('GET', `/v1/complaints/${filed.json.id}`, { token: await as('other', ['citizen']) })).status).toBe(403);
  });

  it('takes a photo with the place it was taken in its EXIF: the unit reads it as taken, the public Open311 read only a copy without metadata', async () => {
    const filed = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, text: 'Nid-de-poule profond devant le n° 12, rue Moussa Ibn Noussair.', category: 'voirie' } });
    expect(filed.status, filed.text).toBe(201);
    const id = String(filed.json.id);
    const photo = jpegWithGps(filing.location.point.lat, filing.location.point.long);
    const declared = await act(id, 'photos', await citizen(), { contentType: 'image/jpeg', sizeBytes: photo.length, sha256: createHash('sha256').update(photo).digest('hex') });
    expect(declared.status, declared.text).toBe(201);
    const { photo: declaredPhoto, upload } = declared.json as { photo: { id: string }; upload: { url: string; headers: Record<string, string> } };
    const byOther = await act(id, 'photos', await as('other', ['citizen']), { contentType: 'image/png', sizeBytes: 10, sha256: 'a'.repeat(64) });
    expect(byOther.status).toBe(403);
    const tooLarge = await act(id, 'photos', await citizen(), { contentType: 'image/jpeg', sizeBytes: 10 * 1024 * 1024 + 1, sha256: 'a'.repeat(64) });
    expect(tooLarge.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/body/sizeBytes' }] });
    const gif = await act(id, 'photos', await citizen(), { contentType: 'image/gif', sizeBytes: 10, sha256: 'a'.repeat(64) });
    expect(gif.status).toBe(400);

    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: photo })).status).toBe(200);
    const completed = await request('POST', `/v1/complaints/${id}/photos/${declaredPhoto.id}/complete`, { token: await citizen(), headers: { 'idempotency-key': `complete-photo-${unique}` } });
    expect(completed.status, completed.text).toBe(200);
    expect(completed.json).toMatchObject({ status: 'attached', publicCopy: { sizeBytes: PLAIN_JPEG.length } });

    // The local S3 server tags a new object a moment after storing it: the unit's read records the release.
    const read = await readOnceScanned(`/v1/complaints/${id}/photos/${declaredPhoto.id}`, await officerOf(FIRST));
    expect(read.status, read.text).toBe(200);
    expect(read.json.photo).toMatchObject({ scan: 'not-scanned' });
    const asTaken = Buffer.from(await (await fetch(String(read.json.url))).arrayBuffer());
    expect(holdsGpsExif(asTaken)).toBe(true);
    expect((await request('GET', `/v1/complaints/${id}/photos/${declaredPhoto.id}`, { token: await officerOf(SECOND) })).status).toBe(403);

    const [published] = (await request('GET', `/open311/v2/requests/${id}.json?jurisdiction_id=${FIRST}`)).json as unknown as { media_url?: string; lat: number }[];
    expect(published!.lat).toBe(35.767);
    const publicCopy = Buffer.from(await (await fetch(String(published!.media_url))).arrayBuffer());
    expect(holdsGpsExif(publicCopy)).toBe(false);
    expect(publicCopy).toEqual(PLAIN_JPEG);
  });

  it('takes a complaint without sign-in only where the commune allows it, with a contact the unit alone sees, followed by a token given once', async () => {
    const anonymous = { commune: FIRST, kind: 'observation', category: 'proprete', text: 'Dépôt sauvage de gravats au coin de la rue Al Mansour.', contact: { phone: '06 12 34 56 78' } };
    const file = (body: unknown, key: string) => request('POST', '/v1/complaints/anonymous', { body, headers: { 'idempotency-key': `${key}-${unique}`, 'accept-language': 'fr' } });
    const closed = await file(anonymous, 'anonymous-closed');
    expect(closed.status, closed.text).toBe(403);
    expect(String(closed.json.detail)).toContain('sans connexion');

    const admin = await as('admin', ['admin']);
    const { commune: _commune, version: _version, updatedAt: _at, updatedBy: _by, ...settings } = (await request('GET', `/v1/complaints/settings/${FIRST}`, { token: admin })).json;
    const opened = await request('PUT', `/v1/complaints/settings/${FIRST}`, { token: admin, body: { ...settings, anonymousFiling: true }, headers: { 'idempotency-key': `anonymous-on-${unique}` } });
    expect(opened.status, opened.text).toBe(200);

    expect((await file({ ...anonymous, contact: {} }, 'anonymous-no-contact')).status).toBe(400);
    const badPhone = await file({ ...anonymous, contact: { phone: '12345' } }, 'anonymous-bad-phone');
    expect(badPhone.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/body/contact/phone' }] });

    const filed = await file(anonymous, 'anonymous');
    const retried = await file(anonymous, 'anonymous');
    expect(filed.status, filed.text).toBe(201);
    const token = String(filed.json.followUpToken);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { id } = filed.json.complaint as { id: string };
    expect(retried.json).toEqual({ complaint: filed.json.complaint });

    const followed = await request('POST', '/v1/complaints/follow-up', { body: { token } });
    expect(followed.status, followed.text).toBe(200);
    expect(followed.json).toMatchObject({ id, status: 'submitted', category: 'proprete' });
    expect(followed.text).not.toContain('612345678');
    expect((await request('POST', '/v1/complaints/follow-up', { body: { token: 'A'.repeat(43) } })).status).toBe(404);

    const byUnit = await request('GET', `/v1/complaints/${id}`, { token: await officerOf(FIRST) });
    expect(byUnit.json).toMatchObject({ channel: 'anonymous', contact: { phone: '+212612345678' } });
    expect(byUnit.json.complainant).toBeUndefined();
    expect(JSON.stringify(await queueOf(FIRST))).not.toContain('612345678');
    expect((await request('GET', `/open311/v2/requests/${id}.json?jurisdiction_id=${FIRST}`)).text).not.toContain('612345678');
  });

  it('refuses a place outside the territory the commune’s administrator drew, natively and through Open311, writing nothing', async () => {
    const admin = await as('admin', ['admin']);
    const { commune: _commune, version: _version, updatedAt: _at, updatedBy: _by, ...settings } = (await request('GET', `/v1/complaints/settings/${SECOND}`, { token: admin })).json;
    const territory = [{ lat: 30.33, long: -9.7 }, { lat: 30.5, long: -9.7 }, { lat: 30.5, long: -9.45 }, { lat: 30.33, long: -9.45 }];
    const drawn = await request('PUT', `/v1/complaints/settings/${SECOND}`, { token: admin, body: { ...settings, territory }, headers: { 'idempotency-key': `territory-${unique}` } });
    expect(drawn.status, drawn.text).toBe(200);
    const before = (await queueOf(SECOND)).length;

    const inTanger = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, commune: SECOND }, headers: { 'accept-language': 'en' } });
    expect(inTanger.status).toBe(400);
    expect(inTanger.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/body/location/point', code: 'outside_commune' }] });
    expect(String(inTanger.json.detail)).toContain('outside the territory of agadir');
    const byOpen311 = await request('POST', '/open311/v2/requests.json', { token: await citizen(), body: { jurisdiction_id: SECOND, service_code: 'eclairage-public', description: filing.text, lat: 35.7673, long: -5.7998 } });
    expect(byOpen311.status).toBe(400);
    expect(byOpen311.json).toEqual([{ code: 400, description: expect.stringMatching(/^\/body\/lat: /) }]);
    expect(await queueOf(SECOND)).toHaveLength(before);

    const inAgadir = await request('POST', '/v1/complaints', { token: await citizen(), body: { ...filing, commune: SECOND, location: { point: { lat: 30.4202, long: -9.5982 } } } });
    expect(inAgadir.status, inAgadir.text).toBe(201);
  });

  it('lists a citizen’s own complaints, newest received first, page by page, and no one else’s', async () => {
    const mine = () => as('lister', ['citizen']);
    const first = await request('POST', '/v1/complaints', { token: await mine(), body: { ...filing, text: 'Trottoir effondré rue de Fès.', category: 'voirie' } });
    await advance('PT1M');
    const second = await request('POST', '/v1/complaints', { token: await mine(), body: { ...filing, kind: 'suggestion', text: 'Un banc place du 9 Avril.', category: 'espaces-verts' } });
    expect([first.status, second.status]).toEqual([201, 201]);

    const page1 = await request('GET', '/v1/complaints/mine?limit=1', { token: await mine() });
    expect(page1.status, page1.text).toBe(200);
    expect(page1.json.items).toEqual([expect.objectContaining({ id: second.json.id, kind: 'suggestion', status: 'submitted', commune: FIRST })]);
    const page2 = await request('GET', `/v1/complaints/mine?limit=1&cursor=${encodeURIComponent(String(page1.json.nextCursor))}`, { token: await mine() });
    expect((page2.json.items as { id: string }[]).map((item) => item.id)).toEqual([first.json.id]);
    expect(JSON.stringify(page2.json.items)).not.toContain('Trottoir');

    const others = await request('GET', '/v1/complaints/mine', { token: await as('no-complaints', ['citizen']) });
    expect(others.json.items).toEqual([]);
  });
});
