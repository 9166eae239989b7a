// The documents window over HTTP on the local platform: request -> issue -> download -> verify -> revoke ->
// verify, for oneself, a parent and a spouse; strangers refused; an act not fully digitized reviewed by its
// office within the service deadline; verification offline from the published keys, and rate-limited online.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { verifyCompactJws, type PublicJwk } from '../../functions/shared/signing/compact-jws.ts';
import { decodeQrCode, extractText, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { request, tokenFor } from './http-client.ts';

const unique = Date.now() % 100_000;
const as = (sub: string, roles: Role[], extra: { office?: string; civilId?: string } = {}) => tokenFor({ sub: `${sub}-${unique}`, roles, ...extra });

interface Act {
  id: string;
  person: { civilId: string };
}
interface DocumentRequest {
  id: string;
  status: string;
  documentId?: string;
  dueDate: string;
}

let registrar: string;
let number = 0;

async function registerBirth(person: Record<string, unknown>): Promise<Act> {
  number += 1;
  const reply = await request('POST', '/v1/civil-status/acts', {
    token: registrar,
    body: {
      type: 'birth',
      legacy: { office: 'RBT-HASSAN', year: 1995, register: `D-${unique}`, number },
      person: { sex: 'F', birthDate: '1995-04-12', birthPlace: { ar: 'الرباط', latin: 'Rabat' }, ...person },
    },
  });
  expect(reply.status).toBe(201);
  return reply.json as unknown as Act;
}

const citizenOf = (act: Act, name: string) => as(name, ['citizen'], { civilId: act.person.civilId });

async function ask(token: string, body: Record<string, unknown>, idempotencyKey = randomUUID()) {
  return request('POST', '/v1/documents/requests', { token, body: { kind: 'birth-extract', delivery: 'digital', ...body }, headers: { 'idempotency-key': idempotencyKey } });
}

async function download(documentId: string, token: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  const response = await fetch(`${inject('platformUrl')}/v1/documents/${documentId}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, contentType: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

let father: Act;
let salma: Act;
let youssef: Act;
let salmaToken: string;

describe('the documents window', () => {
  beforeAll(async () => {
    registrar = await as('registrar-rabat', ['registrar'], { office: 'RBT-HASSAN' });
    father = await registerBirth({ givenName: { ar: 'محمد', latin: 'Mohammed' }, familyName: { ar: 'العلوي', latin: 'El Alaoui' }, sex: 'M', birthDate: '1960-02-01' });
    salma = await registerBirth({
      givenName: { ar: 'سلمى', latin: 'Salma' },
      familyName: { ar: 'العلوي', latin: 'El Alaoui' },
      father: { givenName: { ar: 'محمد', latin: 'Mohammed' }, familyName: { ar: 'العلوي', latin: 'El Alaoui' }, civilId: father.person.civilId },
    });
    youssef = await registerBirth({ givenName: { ar: 'يوسف', latin: 'Youssef' }, familyName: { ar: 'التازي', latin: 'Tazi' }, sex: 'M' });
    salmaToken = await citizenOf(salma, 'salma');
  });

  it('issues an extract of her own act, downloads it, and verifies its QR code online and offline', async () => {
    const key = randomUUID();
    const created = await ask(salmaToken, { act: salma.id, relationship: 'self' }, key);
    expect(created.status).toBe(201);
    const issued = created.json as unknown as DocumentRequest;
    expect(issued).toMatchObject({ status: 'issued', fee: { amount: 1000, currency: 'MAD', paymentStatus: 'confirmed' } });
    // A retry is answered with the first request: one request, one document.
    const retried = await ask(salmaToken, { act: salma.id, relationship: 'self' }, key);
    expect(retried.json).toMatchObject({ id: issued.id, documentId: issued.documentId });
    const mine = await request('GET', '/v1/documents/requests', { token: salmaToken });
    expect((mine.json.items as DocumentRequest[]).map((item) => item.id)).toEqual([issued.id]);

    const shown = await request('GET', `/v1/documents/requests/${issued.id}`, { token: salmaToken });
    expect(shown.json).toMatchObject({ status: 'issued', downloadUrl: `/v1/documents/${issued.documentId}` });
    expect((shown.json.history as { type: string }[]).map((event) => event.type)).toEqual(['requested', 'paid', 'issued']);

    const pdf = await download(issued.documentId!, salmaToken);
    expect(pdf).toMatchObject({ status: 200, contentType: 'application/pdf' });
    const texts = (await extractText(pdf.bytes)).map((item) => item.text).join(' ');
    for (const expected of ['Salma', 'سلمى', 'El Alaoui', 'العلوي', issued.documentId!, 'Mohammed El Alaoui', 'محمد العلوي']) expect(texts).toContain(expected);

    const qr = decodeQrCode(await pageOperators(pdf.bytes, 0))!;
    const online = await request('POST', '/v1/verify', { body: { qr } });
    expect(online.json).toMatchObject({ valid: true, status: 'valid', claims: { dn: issued.documentId, nm: ['سلمى العلوي', 'Salma El Alaoui'], dob: '1995-04-12', k: 'extract' } });
    // Offline: the published keys alone verify the code.
    const jwks = await request('GET', '/.well-known/jwks.json');
    expect(verifyCompactJws(qr, jwks.json.keys as PublicJwk[])).toMatchObject({ outcome: 'valid', payload: { dn: issued.documentId } });
  });

  it("issues her father's extract, whom her act names, and refuses a stranger", async () => {
    const forFather = await ask(salmaToken, { civilId: father.person.civilId, relationship: 'parent' });
    expect(forFather.json).toMatchObject({ status: 'issued', actId: father.id });
    const fatherToken = await citizenOf(father, 'father');
    expect((await ask(fatherToken, { act: salma.id, relationship: 'child' })).json).toMatchObject({ status: 'issued' });

    const stranger = await citizenOf(youssef, 'youssef');
    for (const relationship of ['self', 'parent', 'child', 'spouse']) {
      const refused = await ask(stranger, { act: salma.id, relationship });
      expect(refused.status).toBe(403);
    }
    // Nor does any other route hand it over.
    const issued = forFather.json as unknown as DocumentRequest;
    expect((await request('GET', `/v1/documents/requests/${issued.id}`, { token: stranger })).status).toBe(404);
    expect((await download(issued.documentId!, stranger)).status).toBe(404);
    expect((await request('GET', '/v1/documents/requests', { token: stranger })).json.items).toEqual([]);
  });

  it('refuses a civil identifier with a wrong check digit before any lookup', async () => {
    const civilId = salma.person.civilId;
    const mistyped = civilId.slice(0, 9) + String((Number(civilId[9]) + 1) % 10);
    const refused = await ask(salmaToken, { civilId: mistyped, relationship: 'self' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors?.[0]).toMatchObject({ pointer: '/body/civilId' });
  });

  it('lets a spouse ask once the marriage is in both margins', async () => {
    const youssefToken = await citizenOf(youssef, 'youssef-spouse');
    expect((await ask(youssefToken, { act: salma.id, relationship: 'spouse' })).status).toBe(403);
    const note = await request('POST', `/v1/civil-status/acts/${salma.id}/notes`, {
      token: registrar,
      body: {
        kind: 'marriage',
        eventDate: '2020-07-01',
        text: { fr: 'Mariée à Youssef Tazi', ar: 'تزوجت من يوسف التازي' },
        spouseCivilId: youssef.person.civilId,
        spouseName: { givenName: { ar: 'يوسف', latin: 'Youssef' }, familyName: { ar: 'التازي', latin: 'Tazi' } },
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(note.status).toBe(201);
    const noteId = note.json.noteId as string;
    await request('POST', '/_local/clock', { body: { advance: 'PT1S' } });
    expect((await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${noteId}/apply`, { token: registrar })).status).toBe(200);
    // One margin is the recording office's word: the spouse's office confirms by applying the mirror note.
    expect((await ask(youssefToken, { act: salma.id, relationship: 'spouse' })).status).toBe(403);
    const inbox = await request('GET', '/v1/civil-status/offices/RBT-HASSAN/inbox?limit=100', { token: registrar });
    const mirror = (inbox.json.items as { noteId: string; counterpartOf?: string }[]).find((item) => item.counterpartOf === noteId);
    expect(mirror).toBeDefined();
    expect((await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${mirror!.noteId}/apply`, { token: registrar })).status).toBe(200);

    const copy = await request('POST', '/v1/documents/requests', {
      token: youssefToken,
      body: { kind: 'birth-full-copy', act: salma.id, relationship: 'spouse', delivery: 'digital' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(copy.json).toMatchObject({ status: 'issued', kind: 'birth-full-copy' });
    const pdf = await download((copy.json as unknown as DocumentRequest).documentId!, youssefToken);
    expect((await extractText(pdf.bytes)).map((item) => item.text).join(' ')).toContain('Mariée à Youssef Tazi');
  });

  it('sends an act not fully digitized to its office, overdue after the service deadline, approved once', async () => {
    const old = await registerBirth({ givenName: { ar: 'زينب' }, familyName: { ar: 'بناني' } });
    const oldToken = await citizenOf(old, 'zineb');
    const pending = (await ask(oldToken, { act: old.id, relationship: 'self' })).json as unknown as DocumentRequest;
    expect(pending.status).toBe('awaiting-review');
    const rejectedOne = (await ask(oldToken, { act: old.id, relationship: 'self', kind: 'birth-full-copy' })).json as unknown as DocumentRequest;

    const queue = await request('GET', '/v1/documents/review-queue', { token: registrar });
    expect(queue.json.items).toContainEqual(expect.objectContaining({ id: pending.id, overdue: false }));
    const elsewhere = await as('registrar-casa', ['registrar'], { office: 'CASA-ANFA' });
    expect((await request('GET', '/v1/documents/review-queue', { token: elsewhere })).json.items).not.toContainEqual(expect.objectContaining({ id: pending.id }));
    expect((await request('POST', `/v1/documents/requests/${pending.id}/approve`, { token: elsewhere, headers: { 'idempotency-key': randomUUID() } })).status).toBe(404);

    // Twelve days on, past three working days whatever holidays fall between, the request shows as overdue.
    expect((await request('POST', '/_local/clock', { body: { advance: 'P12D' } })).status).toBe(200);
    const rabat = await as('registrar-rabat-late', ['registrar'], { office: 'RBT-HASSAN' });
    const overdue = await request('GET', '/v1/documents/review-queue?overdue=true', { token: rabat });
    expect(overdue.json.items).toContainEqual(expect.objectContaining({ id: pending.id, overdue: true }));

    const approveKey = randomUUID();
    const approved = await request('POST', `/v1/documents/requests/${pending.id}/approve`, { token: rabat, headers: { 'idempotency-key': approveKey } });
    expect(approved.json).toMatchObject({ status: 'issued', documentId: expect.stringMatching(/^DOC-/) });
    const again = await request('POST', `/v1/documents/requests/${pending.id}/approve`, { token: rabat, headers: { 'idempotency-key': approveKey } });
    expect(again.json.documentId).toBe(approved.json.documentId);

    const rejected = await request('POST', `/v1/documents/requests/${rejectedOne.id}/reject`, {
      token: rabat,
      body: { reason: 'Le registre de 1995 est illisible à cette page' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(rejected.json).toMatchObject({ status: 'rejected', rejectionReason: 'Le registre de 1995 est illisible à cette page' });
    expect((await request('POST', `/v1/documents/requests/${rejectedOne.id}/approve`, { token: rabat, headers: { 'idempotency-key': randomUUID() } })).status).toBe(409);
  });

  it('answers revoked once the office revokes the document, and tampered for a changed code', async () => {
    const token = await citizenOf(salma, 'salma-revoke');
    const issued = (await ask(token, { act: salma.id, relationship: 'self' })).json as unknown as DocumentRequest;
    const qr = decodeQrCode(await pageOperators((await download(issued.documentId!, token)).bytes, 0))!;
    const [header, payload, signature] = qr.split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('1995-04-12', '1985-04-12')).toString('base64url');
    expect((await request('POST', '/v1/verify', { body: { qr: `${header}.${forged}.${signature}` } })).json).toEqual({ valid: false, status: 'tampered' });

    const officer = await as('registrar-rabat-revoke', ['registrar'], { office: 'RBT-HASSAN' });
    const revoked = await request('POST', `/v1/documents/${issued.documentId}/revoke`, {
      token: officer,
      body: { reason: 'Acte rectifié par jugement' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(revoked.json).toMatchObject({ id: issued.documentId, status: 'revoked' });
    expect((await request('POST', '/v1/verify', { body: { qr } })).json).toMatchObject({ valid: false, status: 'revoked', claims: { dn: issued.documentId } });
    const list = await request('GET', '/v1/documents/revocations');
    expect(list.json.items).toContainEqual(expect.objectContaining({ id: issued.documentId }));
    expect(JSON.stringify(list.json)).not.toContain('rectifié');
    // The revoked paper is void: its owner cannot download it any more.
    const refused = await download(issued.documentId!, token);
    expect(refused.status).toBe(410);
    expect(JSON.parse(Buffer.from(refused.bytes).toString('utf8'))).toMatchObject({ code: 'document-revoked' });

    const auditor = await as('auditor-documents', ['auditor']);
    const events = await request('GET', `/v1/documents/${issued.documentId}/events`, { token: auditor });
    expect((events.json.items as { type: string }[]).map((event) => event.type)).toEqual(expect.arrayContaining(['issued', 'downloaded', 'revoked', 'verified']));
  });

  it('limits verifications: a burst beyond the route throttle gets 429 with Retry-After', async () => {
    const replies = await Promise.all(Array.from({ length: 120 }, () => request('POST', '/v1/verify', { body: { qr: 'not.a.jws' } })));
    const limited = replies.filter((reply) => reply.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.json.code).toBe('too-many-requests');
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // What is not a signed code at all is the caller's mistake, not a verdict on a document.
    expect(replies.filter((reply) => reply.status !== 429).every((reply) => reply.status === 400 && reply.json.code === 'validation-failed')).toBe(true);
  });
});
