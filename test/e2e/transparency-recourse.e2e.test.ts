// Access to information after the answer, over HTTP on the local platform: an agent releases a PDF with a partial
// answer (declared with its SHA-256, uploaded to the signed URL, completed), states its costs from the tariff an
// administrator set, and the requester reads the document only once paid, through a short-lived link whose bytes are
// the declared ones, every read logged; the partial answer's refusal letter is issued as a signed PDF; a refused
// request is complained of, its CDAI pack issued, the CDAI's decision, the court appeal and the judgment recorded and
// the request closed; the public annual figures and tariff count it all with no personal data; bad input is refused
// with nothing written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { moroccanDate } from '../../functions/shared/time/morocco-time.ts';
import { MINIMAL_PDF } from '../fixtures/attachment-files.ts';
import { download, readOnceScanned, request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'rabat';
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const citizen = () => as('citizen', ['citizen']);
const agent = () => as('agent', ['agent'], COMMUNE);
const president = () => as('president', ['president'], COMMUNE);
const requester = { name: 'Yasmine Berrada', address: '4, rue Tensift, Agdal, Rabat', identityDocument: { kind: 'cnie', number: 'BK735012' }, email: 'yasmine@example.ma' };
const asked = { commune: COMMUNE, requester, information: 'Les marchés de voirie de 2026 et leurs avenants', format: 'electronic' };
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
/** Every reply of a public route in this story, to grep for the requester's identity. */
const publicReplies: string[] = [];

async function filed(key: string): Promise<string> {
  const reply = await request('POST', '/v1/transparency/requests', { token: await citizen(), body: asked, headers: { 'idempotency-key': `${key}-${unique}` } });
  expect(reply.status, reply.text).toBe(201);
  return String(reply.json.id);
}

async function today(): Promise<string> {
  return moroccanDate(new Date((await request('GET', '/_local/clock')).json.now as string));
}

describe('access to information after the answer, over HTTP', () => {
  let answeredId: string;

  it('releases a document with a partial answer, delivered to the requester once its costs are paid, every read logged', async () => {
    answeredId = await filed('released');
    const tariff = await request('PUT', `/v1/transparency/tariffs/${COMMUNE}`, { token: await as('admin', ['admin']), body: { perPaperPage: 50, perMedium: 2000, sending: { post: 1500, email: 0 } }, headers: { 'idempotency-key': `tariff-${unique}` } });
    expect(tariff.status).toBe(200);
    const shownTariff = await request('GET', `/v1/transparency/tariffs/${COMMUNE}`);
    publicReplies.push(shownTariff.text);
    expect(shownTariff.json).toMatchObject({ perPaperPage: 50, version: tariff.json.version });

    const file = { name: 'Marchés voirie 2026.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) };
    const declared = await request('POST', `/v1/transparency/requests/${answeredId}/documents`, { token: await agent(), body: file });
    expect(declared.status, declared.text).toBe(201);
    const upload = declared.json.upload as { url: string; headers: Record<string, string> };
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: MINIMAL_PDF })).status).toBe(200);
    const documentId = String((declared.json.document as { id: string }).id);
    const completed = await request('POST', `/v1/transparency/requests/${answeredId}/documents/${documentId}/complete`, { token: await agent() });
    expect(completed.json).toMatchObject({ status: 'stored', sha256: file.sha256 });

    const path = `/v1/transparency/requests/${answeredId}/documents/${documentId}`;
    expect((await request('GET', path, { token: await citizen() })).status).toBe(409);
    const withheld = [{ part: 'Les avenants en négociation', grounds: [{ ground: 'being-prepared', reason: 'Avenants non signés' }] }];
    const answered = await request('POST', `/v1/transparency/requests/${answeredId}/answer`, { token: await agent(), body: { outcome: 'partial', summary: 'Les marchés sont joints', format: 'electronic', withheld } });
    expect(answered.json.status).toBe('answered-partial');
    const stated = await request('POST', `/v1/transparency/requests/${answeredId}/costs`, { token: await agent(), body: { paperPages: 0, media: 1, sending: 'post' } });
    expect(stated.json.costs).toMatchObject({ total: { amount: 3500, currency: 'MAD' }, status: 'due' });
    const owing = await request('GET', path, { token: await citizen() });
    expect(owing.status).toBe(409);

    const paid = await request('POST', `/v1/transparency/requests/${answeredId}/payment`, { token: await citizen() });
    expect(paid.json.costs).toMatchObject({ status: 'paid' });
    // The local S3 server tags a new object a moment after storing it; until then only its uploader is served.
    const read = await readOnceScanned(path, await citizen());
    expect(read.status, read.text).toBe(200);
    expect(read.json.document).toMatchObject({ scan: 'not-scanned' });
    expect(Buffer.from(await (await fetch(String(read.json.url))).arrayBuffer()).equals(MINIMAL_PDF)).toBe(true);
    const reads = await request('GET', `/v1/transparency/requests/${answeredId}/document-reads`, { token: await agent() });
    expect((reads.json.items as { by: { sub: string } }[]).map((item) => item.by.sub)).toContain(`citizen-${unique}`);
  });

  it("issues the partial answer's refusal letter as a PDF its requester downloads, and none for another citizen", async () => {
    await settle();
    const letter = await download(`/v1/transparency/requests/${answeredId}/refusal-letter`, await citizen());
    expect(letter.status).toBe(200);
    expect(Buffer.from(letter.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((await download(`/v1/transparency/requests/${answeredId}/refusal-letter`, await as('stranger', ['citizen']))).status).toBe(403);
  });

  it("records the end of a refused request's chain: the CDAI's decision, the court appeal, the judgment, closed", async () => {
    const id = await filed('refused');
    await request('POST', `/v1/transparency/requests/${id}/answer`, { token: await agent(), body: { outcome: 'refused', grounds: [{ ground: 'not-held', reason: "La commune ne tient pas ce registre" }] } });
    expect((await request('POST', `/v1/transparency/requests/${id}/internal-complaint`, { token: await citizen(), body: { reason: 'Le registre existe' } })).json.status).toBe('internal-complaint');
    expect((await request('POST', `/v1/transparency/requests/${id}/internal-complaint/answer`, { token: await president(), body: { text: 'Réclamation rejetée' } })).status).toBe(200);
    expect((await request('POST', `/v1/transparency/requests/${id}/cdai-pack`, { token: await citizen() })).status).toBe(200);

    const day = await today();
    const badOutcome = await request('POST', `/v1/transparency/requests/${id}/cdai-decision`, { token: await citizen(), body: { outcome: 'maybe', summary: 'x', complaintFiledOn: day, decidedOn: day } });
    expect(badOutcome.status).toBe(400);
    const early = await request('POST', `/v1/transparency/requests/${id}/closure`, { token: await agent(), body: { reason: 'no-appeal' } });
    expect(early.status).toBe(409);
    const decided = await request('POST', `/v1/transparency/requests/${id}/cdai-decision`, { token: await citizen(), body: { outcome: 'upheld', summary: 'La Commission invite la commune à répondre', complaintFiledOn: day, decidedOn: day } });
    expect(decided.json).toMatchObject({ status: 'cdai-decided', cdaiDecision: { outcome: 'upheld', late: false } });
    const noAppealYet = await request('POST', `/v1/transparency/requests/${id}/closure`, { token: await agent(), body: { reason: 'no-appeal' } });
    expect(noAppealYet.status).toBe(409);
    expect((await request('POST', `/v1/transparency/requests/${id}/court-appeal`, { token: await agent(), body: { court: 'Tribunal administratif de Rabat', filedOn: day } })).json.status).toBe('court-appeal');
    const closed = await request('POST', `/v1/transparency/requests/${id}/closure`, { token: await agent(), body: { reason: 'judgment', judgment: { summary: 'Le tribunal ordonne la communication', on: day } } });
    expect(closed.json).toMatchObject({ status: 'closed', closure: { reason: 'judgment' } });

    const history = await request('GET', `/v1/transparency/requests/${id}/history`, { token: await agent() });
    expect((history.json.items as { type: string }[]).map((event) => event.type).slice(-4)).toEqual(['cdai-pack-issued', 'cdai-decided', 'court-appeal-filed', 'closed']);
  });

  it('publishes the annual figures, with no personal data in any public reply', async () => {
    await settle();
    const year = (await today()).slice(0, 4);
    const figures = await request('GET', `/v1/transparency/figures/${COMMUNE}/${year}`);
    publicReplies.push(figures.text);
    expect(figures.status).toBe(200);
    const counted = figures.json as { requests: number; answers: { partial: number; refused: number }; groundsNamed: Record<string, number>; workingDaysToAnswer: { median: number | null } };
    expect(counted.requests).toBeGreaterThanOrEqual(2);
    expect(counted.answers.partial).toBeGreaterThanOrEqual(1);
    expect(counted.groundsNamed['being-prepared']).toBeGreaterThanOrEqual(1);
    expect(counted.workingDaysToAnswer.median).not.toBeNull();
    expect((await request('GET', '/v1/transparency/figures/nowhere-at-all/2026')).status).toBe(404);
    for (const reply of publicReplies) for (const secret of [requester.name, requester.identityDocument.number, requester.email, requester.address]) expect(reply).not.toContain(secret);
  });

  it('refuses bad input and writes nothing', async () => {
    const id = await filed('bad-input');
    const file = { name: 'x.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) };
    const replies = await Promise.all([
      request('POST', `/v1/transparency/requests/${id}/documents`, { token: await agent(), body: { ...file, sha256: 'not-a-digest' } }),
      request('POST', `/v1/transparency/requests/${id}/documents`, { token: await agent(), body: { ...file, sizeBytes: 100 * 1024 * 1024 } }),
      request('POST', `/v1/transparency/requests/${id}/documents`, { token: await as('agent-fes', ['agent'], 'fes'), body: file }),
      request('POST', `/v1/transparency/requests/${id}/costs`, { token: await agent(), body: { paperPages: -1, media: 0, sending: 'post' } }),
      request('POST', `/v1/transparency/requests/${id}/payment`, { token: await citizen() }),
      request('GET', `/v1/transparency/requests/${id}/refusal-letter`, { token: await citizen() }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([400, 400, 403, 400, 409, 404]);
    const history = await request('GET', `/v1/transparency/requests/${id}/history`, { token: await agent() });
    expect((history.json.items as { type: string }[]).map((event) => event.type)).toEqual(['received']);
  });
});
