// The register of signed documents on DynamoDB Local and the S3 server, as the permits context uses it through
// functions/documents/public.ts: a receipt and a deemed-approval certificate issued once (however many ask at
// the same time), verified like any document, revoked by the commune's president only, then refused (410).
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { documentsKeys } from '../../functions/documents/adapters/documents-keys.ts';
import { DynamoDbDocumentsRepository } from '../../functions/documents/adapters/dynamodb-documents.repository.ts';
import { documentEvents, revokeDocument } from '../../functions/documents/application/document-queries.use-cases.ts';
import { verifyDocument } from '../../functions/documents/application/verify-document.use-case.ts';
import { storedPaper, type PaperIssuing } from '../../functions/documents/public.ts';
import { issueCertificate, issueReceipt, type PermitPapersIssuing } from '../../functions/permits/application/permit-papers.use-cases.ts';
import { clockExplanation, filePermit, invokeDeemedApproval, recordLapse, type Permit } from '../../functions/permits/domain/permit.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ConflictError } from '../../functions/shared/errors/domain-errors.ts';
import { decodeQrCode, extractText, loadPdf, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { localDocumentClient, localS3 } from './local-aws.ts';
import { localPapers } from './local-papers.ts';

const filedAt = new Date('2026-12-01T10:00:00Z');
const s3 = localS3();
const client = localDocumentClient();
let prefix: string;
const president: Principal = { sub: 'president-rabat', roles: ['president'], commune: 'rabat' };

let register: DynamoDbDocumentsRepository;
let table: string;
let issuing: PaperIssuing;
let papers: PermitPapersIssuing;

const context = (now: Date, by = 'applicant-1') => ({ now, by, requestId: randomUUID() });

function filed(procedure: Partial<Permit['procedure']> = {}): Permit {
  const id = randomUUID();
  return filePermit(
    {
      id,
      receiptNumber: `RCP-RABAT-2026-${id.slice(0, 8).toUpperCase()}`,
      procedure: {
        code: 'building-small',
        names: { ar: 'رخصة البناء (المشاريع الصغرى)', fr: 'Permis de construire (petits projets)' },
        category: 'urbanism',
        period: { days: 15, unit: 'calendar' },
        deemedApproval: 'on-request',
        ...procedure,
      },
      commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
      applicant: 'applicant-1',
      project: { title: 'Maison familiale', address: '12 rue Oued Ziz, Rabat', parcelReference: 'TF 12345/R' },
    },
    new Set(),
    filedAt,
  ).permit;
}

function deemedApproved(permit: Permit): Permit {
  const after = new Date(Date.parse(permit.clock.dueAt) + 1);
  const certificateNumber = `CDA-RABAT-${permit.id.slice(0, 8).toUpperCase()}`;
  const lapsed = recordLapse(permit, certificateNumber, after).permit;
  return invokeDeemedApproval(lapsed, certificateNumber, { sub: permit.applicant, role: 'citizen' }, after).permit;
}

/** The QR code, on the paper's last page. */
async function qrCodeOf(pdf: Uint8Array): Promise<string> {
  const pages = (await loadPdf(pdf)).getPageCount();
  return decodeQrCode(await pageOperators(pdf, pages - 1))!;
}

async function storedObjects(): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: INTEGRATION_BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

beforeAll(async () => {
  ({ register, table, issuing, papers, prefix } = await localPapers('integration-register'));
});

describe('a permit receipt in the register of signed documents', () => {
  it('is issued once however many ask at the same time, shows the deadline and how it was counted, and verifies valid', async () => {
    const permit = filed();
    const issued = await Promise.all([1, 2, 3].map(() => issueReceipt(papers, permit, context(filedAt))));
    expect(new Set(issued.map((paper) => paper.objectKey)).size).toBe(1);
    expect(issued[0]).toMatchObject({ id: permit.receiptNumber, kind: 'permit-receipt', issuer: 'permits', subjectId: permit.id, commune: 'rabat', holder: 'applicant-1', status: 'valid' });
    expect((await storedObjects()).filter((key) => key.includes(permit.receiptNumber))).toEqual([prefix + issued[0]!.objectKey]);

    const { pdf } = await storedPaper(issuing, permit.receiptNumber);
    const text = (await extractText(pdf)).map((item) => item.text).join(' ');
    for (const shown of [permit.receiptNumber, 'applicant-1', 'Maison familiale', 'TF 12345/R', 'Échéance légale', '16/12/2026', 'Calcul du délai']) expect(text).toContain(shown);
    for (const step of clockExplanation(permit.clock)) expect(text.replace(/\s+/g, ' ')).toContain(step.text.fr.split(' ').slice(0, 3).join(' '));

    const qr = await qrCodeOf(pdf);
    expect(await verifyDocument({ repository: register, signer: issuing.signer }, qr, context(filedAt))).toMatchObject({
      valid: true,
      status: 'valid',
      claims: { dn: permit.receiptNumber, k: 'permit-receipt', rn: permit.receiptNumber, cm: 'rabat', due: permit.clock.dueDate },
    });
  });
  it('is neither signed nor rendered again when its event is delivered again', async () => {
    const permit = filed();
    const first = await issueReceipt(papers, permit, context(filedAt));
    const render = vi.fn(papers.render);

    const again = await issueReceipt({ ...papers, render }, permit, context(filedAt));

    expect(again).toEqual(first);
    expect(render).not.toHaveBeenCalled();
    expect((await storedObjects()).filter((key) => key.includes(permit.receiptNumber))).toEqual([prefix + first.objectKey]);
  });

  it("is never another permit's: a number already issued for another file is refused, and nothing is signed", async () => {
    const first = filed();
    await issueReceipt(papers, first, context(filedAt));
    const other = { ...filed(), receiptNumber: first.receiptNumber };
    const render = vi.fn(papers.render);

    await expect(issueReceipt({ ...papers, render }, other, context(filedAt))).rejects.toBeInstanceOf(ConflictError);
    expect(render).not.toHaveBeenCalled();
  });
});

describe('a deemed-approval certificate in the register of signed documents', () => {
  it('exists only for a permit approved by silence, and is revoked by the president of its commune alone, then refused', async () => {
    const permit = filed();
    expect(await issueCertificate(papers, permit, context(filedAt))).toBeUndefined();
    const approved = deemedApproved(permit);
    const at = new Date(approved.deemedApproval!.invokedAt);
    const certificate = (await issueCertificate(papers, approved, context(at)))!;
    expect(certificate).toMatchObject({ id: approved.deemedApproval!.certificateNumber, kind: 'permit-certificate', status: 'valid' });
    expect(await issueCertificate(papers, approved, context(at))).toEqual(certificate);

    const { pdf } = await storedPaper(issuing, certificate.id);
    const qr = await qrCodeOf(pdf);
    const verify = () => verifyDocument({ repository: register, signer: issuing.signer }, qr, context(at));
    expect(await verify()).toMatchObject({ valid: true, status: 'valid', claims: { dn: certificate.id, k: 'permit-certificate' } });

    const registrar: Principal = { sub: 'registrar-rabat', roles: ['registrar'], office: 'RBT-HASSAN' };
    const otherPresident: Principal = { sub: 'president-fes', roles: ['president'], commune: 'fes' };
    for (const who of [registrar, otherPresident]) await expect(revokeDocument(register, certificate.id, 'Fraude au dépôt', who, context(at))).rejects.toMatchObject({ code: 'not-found' });
    await expect(revokeDocument(register, certificate.id, 'Fraude au dépôt', president, context(at))).resolves.toMatchObject({ status: 'revoked', revokedBy: president.sub });

    expect(await verify()).toMatchObject({ valid: false, status: 'revoked', revokedAt: at.toISOString() });
    expect((await register.revocations({ limit: 100 })).items).toContainEqual({ id: certificate.id, revokedAt: at.toISOString() });
    await expect(storedPaper(issuing, certificate.id)).rejects.toMatchObject({ code: 'document-revoked' });
    const events = await documentEvents(register, certificate.id, { sub: 'auditor-1', roles: ['auditor'] }, { limit: 100 });
    expect(events.items.map((event) => event.type)).toEqual(expect.arrayContaining(['issued', 'verified', 'revoked']));
  });

  it('answers 404 for a paper the register does not hold', async () => {
    await expect(storedPaper(issuing, `RCP-RABAT-2026-${randomUUID().slice(0, 8).toUpperCase()}`)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('a permit paper registered before the register took other contexts’ papers', () => {
  it('still downloads, verifies and is revoked by the president, then is written back in the current shape', async () => {
    const permit = filed();
    const receipt = await issueReceipt(papers, permit, context(filedAt));
    // The item as it was stored then: the permit's id and applicant, no issuer, subject or holder.
    const { issuer, subjectId, holder, ...kept } = receipt;
    expect({ issuer, subjectId, holder }).toEqual({ issuer: 'permits', subjectId: permit.id, holder: 'applicant-1' });
    await client.send(new PutCommand({ TableName: table, Item: { ...documentsKeys.document(receipt.id), ...kept, permitId: permit.id, applicant: 'applicant-1' } }));

    const { document, pdf } = await storedPaper(issuing, receipt.id);
    expect(document).toEqual(receipt);
    const qr = await qrCodeOf(pdf);
    expect(await verifyDocument({ repository: register, signer: issuing.signer }, qr, context(filedAt))).toMatchObject({ valid: true, claims: { dn: receipt.id, k: 'permit-receipt' } });

    await expect(revokeDocument(register, receipt.id, 'Dossier retiré', president, context(filedAt))).resolves.toMatchObject({ status: 'revoked', subjectId: permit.id });
    const stored = (await client.send(new GetCommand({ TableName: table, Key: documentsKeys.document(receipt.id) }))).Item!;
    expect(stored).toMatchObject({ issuer: 'permits', subjectId: permit.id, holder: 'applicant-1', status: 'revoked' });
    expect(stored).not.toHaveProperty('permitId');
  });
});
