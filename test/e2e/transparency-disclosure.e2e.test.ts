// The disclosure log over HTTP: a request filed online with its requester's consent is answered in full, and an
// agent publishes it; a summary naming the requester and a request without consent are refused with nothing
// written; the public log lists the entry and nothing of the requester; a released document published with an
// entry is downloaded by anyone, and no other.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { MINIMAL_PDF } from '../fixtures/attachment-files.ts';
import { readOnceScanned, request, tokenFor } from './http-client.ts';
import { requesterIdentityIn } from './requester-identities.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'tanger';
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const citizen = () => as('disclosure-citizen', ['citizen']);
const agent = () => as('disclosure-agent', ['agent'], COMMUNE);
const requester = { name: 'Nadia Tazi', address: '7, avenue Hassan II, Tanger', identityDocument: { kind: 'cnie', number: 'BK778899' }, email: `nadia-${unique}@example.ma` };
const asked = { commune: COMMUNE, requester, information: 'Les marchés de voirie passés en 2026', format: 'electronic' };

let step = 0;
function post(path: string, token: string, body: unknown) {
  step += 1;
  return request('POST', path, { token, body, headers: { 'idempotency-key': `disclosure-${step}-${unique}` } });
}

async function filedRequest(consent: boolean): Promise<string> {
  const filed = await post('/v1/transparency/requests', await citizen(), { ...asked, disclosureConsent: consent });
  expect(filed.status, filed.text).toBe(201);
  return String(filed.json.id);
}

/** A released document of the request: declared, uploaded, completed, and read once by the agent (its scan recorded). */
async function releasedDocument(id: string, name: string): Promise<string> {
  const file = { name, contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: createHash('sha256').update(MINIMAL_PDF).digest('hex') };
  const declared = await post(`/v1/transparency/requests/${id}/documents`, await agent(), file);
  expect(declared.status, declared.text).toBe(201);
  const upload = declared.json.upload as { url: string; headers: Record<string, string> };
  expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: MINIMAL_PDF })).status).toBe(200);
  const documentId = String((declared.json.document as { id: string }).id);
  expect((await request('POST', `/v1/transparency/requests/${id}/documents/${documentId}/complete`, { token: await agent() })).status).toBe(200);
  expect((await readOnceScanned(`/v1/transparency/requests/${id}/documents/${documentId}`, await agent())).status).toBe(200);
  return documentId;
}

async function answered(id: string): Promise<string> {
  const answered = await post(`/v1/transparency/requests/${id}/answer`, await agent(), { outcome: 'full', summary: 'La liste des marchés est jointe', format: 'electronic' });
  expect(answered.status, answered.text).toBe(200);
  return id;
}

const answeredRequest = async (consent: boolean) => answered(await filedRequest(consent));

describe('the disclosure log', () => {
  it('publishes an answered request its requester consented to, once, and shows nothing of the requester', async () => {
    const id = await answeredRequest(true);
    const history = async () => ((await request('GET', `/v1/transparency/requests/${id}/history`, { token: await agent() })).json.items as { type: string }[]).map((event) => event.type);
    const before = await history();

    const naming = await post(`/v1/transparency/requests/${id}/disclosure`, await agent(), { summary: 'Demande de Mme Tazi sur les marchés de voirie', documentIds: [] });
    expect(naming.status).toBe(400);
    expect(naming.json.errors?.map((issue) => issue.pointer)).toEqual(['/body/summary']);
    expect((await post(`/v1/transparency/requests/${id}/disclosure`, await citizen(), { summary: 'Les marchés de voirie 2026', documentIds: [] })).status).toBe(403);
    expect(await history()).toEqual(before);

    const published = await post(`/v1/transparency/requests/${id}/disclosure`, await agent(), { summary: 'Les marchés de voirie passés en 2026 : liste communiquée en entier.', documentIds: [] });
    expect(published.status, published.text).toBe(200);
    expect(published.json.disclosure).toMatchObject({ requestId: id, outcome: 'full', documents: [] });
    expect((await post(`/v1/transparency/requests/${id}/disclosure`, await agent(), { summary: 'Encore', documentIds: [] })).status).toBe(409);

    // The log is an index: it shows the entry within moments of the publication.
    let log = await request('GET', `/v1/transparency/disclosure-log/${COMMUNE}`);
    for (let attempt = 1; !(log.json.items as { requestId: string }[]).some((entry) => entry.requestId === id) && attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      log = await request('GET', `/v1/transparency/disclosure-log/${COMMUNE}`);
    }
    expect(log.status).toBe(200);
    expect(log.json.items).toContainEqual(expect.objectContaining({ requestId: id, summary: 'Les marchés de voirie passés en 2026 : liste communiquée en entier.' }));
    for (const trace of [requester.name, 'Tazi', requester.identityDocument.number, requester.email, requester.address]) expect(log.text).not.toContain(trace);
    // And the run's watch, which checks every public reply, knows this requester now.
    expect(requesterIdentityIn('/v1/transparency/disclosure-log/tanger', `{"summary":"${requester.identityDocument.number}"}`)).toBe(requester.identityDocument.number);
  });

  it('lets anyone download a document published with an entry, as stored, and no document it does not name', async () => {
    const id = await filedRequest(true);
    const [published, kept] = [await releasedDocument(id, 'Marchés voirie 2026.pdf'), await releasedDocument(id, 'Notes internes.pdf')];
    await answered(id);
    const disclosed = await post(`/v1/transparency/requests/${id}/disclosure`, await agent(), { summary: 'Les marchés de voirie passés en 2026, liste jointe.', documentIds: [published] });
    expect(disclosed.status, disclosed.text).toBe(200);

    const path = (commune: string, documentId: string) => `/v1/transparency/disclosure-log/${commune}/${id}/documents/${documentId}`;
    const link = await request('GET', path(COMMUNE, published));
    expect(link.status, link.text).toBe(200);
    expect(link.json.document).toMatchObject({ id: published, name: 'Marchés voirie 2026.pdf', sha256: createHash('sha256').update(MINIMAL_PDF).digest('hex') });
    const downloaded = Buffer.from(await (await fetch(String(link.json.url))).arrayBuffer());
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe((link.json.document as { sha256: string }).sha256);
    for (const trace of [requester.name, requester.identityDocument.number, requester.email]) expect(link.text).not.toContain(trace);

    // Released to the requester but not published; published, but asked under another commune.
    expect((await request('GET', path(COMMUNE, kept))).status).toBe(404);
    expect((await request('GET', path('rabat', published))).status).toBe(404);
    expect((await request('GET', path(COMMUNE, 'f'.repeat(8) + '-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('refuses to publish a request whose requester did not consent', async () => {
    const id = await answeredRequest(false);
    const refused = await post(`/v1/transparency/requests/${id}/disclosure`, await agent(), { summary: 'Les marchés de voirie 2026', documentIds: [] });
    expect(refused.status).toBe(409);
    expect((await request('GET', `/v1/transparency/requests/${id}`, { token: await agent() })).json.disclosure).toBeUndefined();
  });
});
