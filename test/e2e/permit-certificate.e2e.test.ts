// A permit's papers over HTTP on the local platform: the receipt shows the deadline and how it was counted and
// carries a signed QR code; the deemed-approval certificate verifies online and offline like a birth extract,
// and the commune's president (and nobody else) revokes it, after which verify, the revocation list and the
// download all say so.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { printedDate } from '../../functions/shared/time/morocco-time.ts';
import { verifyCompactJws, type PublicJwk } from '../../functions/shared/signing/compact-jws.ts';
import { decodeQrCode, loadPdf, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { download, request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
/** Tokens are fetched afresh for each call: the virtual clock moves by weeks here, and tokens live an hour. */
const as = (sub: string, roles: Role[], extra: { commune?: string; office?: string } = {}) => tokenFor({ sub: `${sub}-${unique}`, roles, ...extra });
const applicant = () => as('papers-applicant', ['citizen']);

const application = {
  procedure: 'building-small',
  commune: 'rabat',
  project: { title: 'Extension de maison', address: '7 avenue Fal Ould Oumeir, Rabat', parcelReference: 'TF 98765/R' },
};

async function paper(path: string): Promise<{ text: string; qr: string }> {
  const { status, bytes } = await download(path, await applicant());
  expect(status).toBe(200);
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  const lastPage = (await loadPdf(bytes)).getPageCount() - 1;
  return { text, qr: decodeQrCode(await pageOperators(bytes, lastPage))! };
}

describe("a permit's receipt and deemed-approval certificate", () => {
  it('are signed and verifiable, and the certificate is revocable by the commune president only', async () => {
    const filed = await request('POST', '/v1/permits', { token: await applicant(), body: application, headers: { 'idempotency-key': `papers-${unique}` } });
    expect(filed.status).toBe(201);
    const id = filed.json.id as string;
    // A change answers the clock without its explanation; a read recomputes it.
    const clock = (await request('GET', `/v1/permits/${id}`, { token: await applicant() })).json.clock as { dueDate: string; explanation: { text: { fr: string } }[] };

    // The receipt follows the filing's event.
    await settle();
    const receipt = await paper(`/v1/permits/${id}/receipt`);
    for (const shown of [filed.json.receiptNumber as string, `papers-applicant-${unique}`, 'TF 98765/R', 'Extension de maison', printedDate(clock.dueDate), 'Calcul du délai']) {
      expect(receipt.text).toContain(shown);
    }
    expect(receipt.text.replace(/\s+/g, ' ')).toContain(clock.explanation.at(-1)!.text.fr.split(' ').slice(0, 4).join(' '));
    const receiptCheck = await request('POST', '/v1/verify', { body: { qr: receipt.qr } });
    expect(receiptCheck.json).toMatchObject({ valid: true, status: 'valid', claims: { dn: filed.json.receiptNumber, k: 'permit-receipt', due: clock.dueDate, cm: 'rabat' } });

    await request('POST', '/_local/clock', { body: { advance: 'P40D' } });
    const invoked = await request('POST', `/v1/permits/${id}/deemed-approval`, { token: await applicant() });
    expect(invoked.json).toMatchObject({ status: 'deemed-approved' });
    const certificateNumber = (invoked.json.deemedApproval as { certificateNumber: string }).certificateNumber;

    await settle();
    const certificate = await paper(`/v1/permits/${id}/certificate`);
    expect(certificate.text).toContain(certificateNumber);
    expect((await request('POST', '/v1/verify', { body: { qr: certificate.qr } })).json).toMatchObject({ valid: true, status: 'valid', claims: { dn: certificateNumber, k: 'permit-certificate' } });
    // Offline: the published keys alone verify it.
    const jwks = await request('GET', '/.well-known/jwks.json');
    expect(verifyCompactJws(certificate.qr, jwks.json.keys as PublicJwk[])).toMatchObject({ outcome: 'valid', payload: { dn: certificateNumber } });

    const revoke = async (token: string) => request('POST', `/v1/documents/${certificateNumber}/revoke`, { token, body: { reason: 'Dossier déposé sous une fausse identité' } });
    expect((await revoke(await as('agent-rabat', ['agent'], { commune: 'rabat' }))).status).toBe(403);
    expect((await revoke(await as('registrar-rabat', ['registrar'], { office: 'RBT-HASSAN' }))).status).toBe(404);
    expect((await revoke(await as('president-fes', ['president'], { commune: 'fes' }))).status).toBe(404);
    const revoked = await revoke(await as('president-rabat', ['president'], { commune: 'rabat' }));
    expect(revoked.json).toMatchObject({ id: certificateNumber, status: 'revoked' });

    expect((await request('POST', '/v1/verify', { body: { qr: certificate.qr } })).json).toMatchObject({ valid: false, status: 'revoked' });
    const revocations = await request('GET', '/v1/documents/revocations?limit=100');
    expect((revocations.json.items as { id: string }[]).map((item) => item.id)).toContain(certificateNumber);
    const refused = await download(`/v1/permits/${id}/certificate`, await applicant());
    expect(refused).toMatchObject({ status: 410, json: { code: 'document-revoked' } });
  });

  it('answers 400 to a text that is no signed code', async () => {
    const reply = await request('POST', '/v1/verify', { body: { qr: 'hello' } });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/body/qr' }] });
  });
});
