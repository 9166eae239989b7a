// A letter's attachments over HTTP on the local platform: a citizen attaches a PDF to the letter they lodged
// (declared with its SHA-256, uploaded to the local S3 server with the signed headers, completed) and a clerk reads
// it through a short-lived link, marked "not scanned" since no malware scanner runs locally; a checksum mismatch,
// an oversized declaration and a file that is not what it claims are refused in the caller's language with nothing
// attached; a confidential letter's scan is read by the agent on its list and refused to another.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { MINIMAL_PDF, zipOf } from '../fixtures/attachment-files.ts';
import { readOnceScanned, request, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'fes';
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const citizen = () => as('citizen', ['citizen']);
const clerk = () => as('clerk', ['clerk'], COMMUNE);
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

interface Declared {
  attachment: { id: string; status: string; scan: string };
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
}

async function lodgedLetter(): Promise<string> {
  const lodged = await request('POST', '/v1/registry/online-letters', {
    token: await citizen(),
    body: { commune: COMMUNE, subject: 'Autorisation de terrasse, avenue Hassan II', body: 'Ci-joint le plan.' },
  });
  expect(lodged.status).toBe(201);
  return String(lodged.json.id);
}

async function declare(letterId: string, token: string, file: { name: string; contentType: string; sizeBytes: number; sha256: string }, headers: Record<string, string> = {}) {
  return request('POST', `/v1/registry/letters/${letterId}/attachments`, { token, body: file, headers });
}

async function upload(declared: Declared, content: Uint8Array): Promise<void> {
  const put = await fetch(declared.upload.url, { method: 'PUT', headers: declared.upload.headers, body: content });
  expect(put.status).toBe(200);
}

async function attached(letterId: string, token: string, content: Uint8Array, contentType = 'application/pdf'): Promise<string> {
  const declared = await declare(letterId, token, { name: 'scan.pdf', contentType, sizeBytes: content.length, sha256: sha256(content) });
  expect(declared.status, declared.text).toBe(201);
  await upload(declared.json as unknown as Declared, content);
  const id = (declared.json as unknown as Declared).attachment.id;
  const completed = await request('POST', `/v1/registry/letters/${letterId}/attachments/${id}/complete`, { token });
  expect(completed.status, completed.text).toBe(200);
  return id;
}

describe('attachments of a letter over HTTP', () => {
  it('are declared, uploaded with the signed headers, completed and read through a link, marked not scanned locally', async () => {
    const letterId = await lodgedLetter();
    const key = { 'idempotency-key': `attach-${unique}` };
    const file = { name: 'Plan de la terrasse.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) };

    const declared = await declare(letterId, await citizen(), file, key);
    const retried = await declare(letterId, await citizen(), file, key);
    expect(declared.status).toBe(201);
    expect(declared.json.attachment).toMatchObject({ status: 'awaiting-upload', scan: 'pending', sha256: file.sha256 });
    expect((retried.json.attachment as { id: string }).id).toBe((declared.json.attachment as { id: string }).id);
    expect(declared.json.upload).toMatchObject({ method: 'PUT', headers: { 'x-amz-checksum-sha256': Buffer.from(file.sha256, 'hex').toString('base64') } });

    await upload(declared.json as unknown as Declared, MINIMAL_PDF);
    const attachmentId = (declared.json.attachment as { id: string }).id;
    const completed = await request('POST', `/v1/registry/letters/${letterId}/attachments/${attachmentId}/complete`, { token: await citizen() });
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({ id: attachmentId, status: 'attached' });

    const read = await readOnceScanned(`/v1/registry/letters/${letterId}/attachments/${attachmentId}`, await clerk());
    expect(read.status, read.text).toBe(200);
    expect(read.json.attachment).toMatchObject({ scan: 'not-scanned', scanResult: { tag: 'NOT_SCANNED_LOCALLY' } });
    const served = await fetch(String(read.json.url));
    expect(Buffer.from(await served.arrayBuffer()).equals(MINIMAL_PDF)).toBe(true);

    const letter = await request('GET', `/v1/registry/letters/${letterId}`, { token: await citizen() });
    expect(letter.json.attachments).toEqual([expect.objectContaining({ id: attachmentId, name: file.name, status: 'attached', scan: 'not-scanned' })]);
    const reads = await request('GET', `/v1/registry/letters/${letterId}/attachment-reads`, { token: await citizen() });
    expect(reads.status).toBe(200);
    expect(reads.json.items).toEqual([expect.objectContaining({ attachmentId, by: { sub: `clerk-${unique}`, roles: ['clerk'] } })]);
    const history = await request('GET', `/v1/registry/letters/${letterId}/history`, { token: await clerk() });
    // Released by the completion when the tag was there already, else by the first read.
    const release = completed.json.scan === 'pending' ? ['attachment-released'] : [];
    expect((history.json.items as { type: string }[]).map((event) => event.type)).toEqual(['registered', 'attachment-declared', 'attached', ...release]);
  });

  it('refuses an upload that is not the declared file, in the caller language, removes it and attaches nothing', async () => {
    const letterId = await lodgedLetter();
    const other = Buffer.from(MINIMAL_PDF.toString().replace('Count 0', 'Count 1'));
    const declared = await declare(letterId, await citizen(), { name: 'plan.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) });
    // The local S3 server does not check the signed checksum (S3 does): the completion checks it again.
    await upload(declared.json as unknown as Declared, other);
    const attachmentId = (declared.json.attachment as { id: string }).id;

    const completed = await request('POST', `/v1/registry/letters/${letterId}/attachments/${attachmentId}/complete`, { token: await citizen(), headers: { 'accept-language': 'fr' } });

    expect(completed.status).toBe(422);
    expect(completed.headers.get('content-type')).toContain('application/problem+json');
    expect(completed.json).toMatchObject({ code: 'checksum-mismatch' });
    expect(String(completed.json.detail)).toContain("n'est pas celui déclaré");
    const letter = await request('GET', `/v1/registry/letters/${letterId}`, { token: await citizen() });
    expect(letter.json.attachments).toEqual([expect.objectContaining({ id: attachmentId, status: 'awaiting-upload' })]);
    const removed = await request('POST', `/v1/registry/letters/${letterId}/attachments/${attachmentId}/complete`, { token: await citizen() });
    expect(removed.status).toBe(409);
  });

  it('refuses a declaration over 20 MiB, with nothing declared', async () => {
    const letterId = await lodgedLetter();

    const declared = await declare(letterId, await citizen(), { name: 'scan.tiff', contentType: 'image/tiff', sizeBytes: 20 * 1024 * 1024 + 1, sha256: 'a'.repeat(64) }, { 'accept-language': 'ar' });

    expect(declared.status).toBe(400);
    expect(declared.json).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ pointer: '/body/sizeBytes' })] });
    const letter = await request('GET', `/v1/registry/letters/${letterId}`, { token: await citizen() });
    expect(letter.json.attachments).toBeUndefined();
  });

  it('refuses a file whose content is not of the declared type (a plain ZIP declared as a DOCX) and removes it', async () => {
    const letterId = await lodgedLetter();
    const zip = zipOf([{ name: 'notes.txt', data: 'pas un document' }]);
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const declared = await declare(letterId, await citizen(), { name: 'lettre.docx', contentType: type, sizeBytes: zip.length, sha256: sha256(zip) });
    await upload(declared.json as unknown as Declared, zip);
    const attachmentId = (declared.json.attachment as { id: string }).id;

    const completed = await request('POST', `/v1/registry/letters/${letterId}/attachments/${attachmentId}/complete`, { token: await citizen(), headers: { 'accept-language': 'en' } });

    expect(completed.status).toBe(422);
    expect(completed.json).toMatchObject({ code: 'attachment-refused' });
    expect(String(completed.json.detail)).toContain('only PDF, PNG, JPEG, TIFF, DOCX and ODT files are taken');
    const read = await request('GET', `/v1/registry/letters/${letterId}/attachments/${attachmentId}`, { token: await clerk() });
    expect(read.status).toBe(409);
    expect(read.json.code).toBe('invalid-state');
  });

  it("serves a confidential letter's scan to the agent on its list and refuses it to another agent", async () => {
    const registered = await request('POST', '/v1/registry/letters', {
      token: await clerk(),
      body: { register: 'incoming', channel: 'counter', sender: { name: 'Cabinet Benjelloun' }, subject: 'Dossier disciplinaire', category: 'other', confidentiality: 'confidential', priority: 'normal' },
    });
    expect(registered.status).toBe(201);
    const letterId = String(registered.json.id);
    const routed = await request('POST', `/v1/registry/letters/${letterId}/routing`, { token: await clerk(), body: { service: 'rh', recipient: `agent-rh-${unique}` } });
    expect(routed.status).toBe(200);
    const attachmentId = await attached(letterId, await clerk(), MINIMAL_PDF);
    const path = `/v1/registry/letters/${letterId}/attachments/${attachmentId}`;

    const outsider = await request('GET', path, { token: await as('agent-voirie', ['agent'], COMMUNE) });
    const recipient = await readOnceScanned(path, await as('agent-rh', ['agent'], COMMUNE));

    expect(outsider.status).toBe(403);
    expect(outsider.json.code).toBe('forbidden');
    expect(recipient.status, recipient.text).toBe(200);
    expect(recipient.json.attachment).toMatchObject({ scan: 'not-scanned' });
  });
});
