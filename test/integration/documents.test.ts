// The documents window on DynamoDB Local and the S3 server: entitlement refused with nothing written, issuing
// with the register's access log in the same transaction, racing approvals and revocations ending in one
// outcome, verification against the published key and the revocation list.
import { idFromIdempotencyKey } from '../../functions/shared/http/idempotency-ids.ts';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from '../../functions/civil-status/adapters/dynamodb-civil-status.repository.ts';
import { registerCivilAct } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import { civilActReader } from '../../functions/civil-status/public-dynamodb.ts';
import { newCivilId } from '../../functions/civil-status/domain/civil-identifier.ts';
import type { CivilAct } from '../../functions/civil-status/public.ts';
import { renderBirthDocument } from '../../functions/documents/adapters/birth-document-pdf.ts';
import { newDocumentNumber, requestIdFor } from '../../functions/documents/adapters/document-numbers.ts';
import { DynamoDbDocumentsRepository } from '../../functions/documents/adapters/dynamodb-documents.repository.ts';
import { immediatePayments } from '../../functions/documents/adapters/immediate-payments.ts';
import { s3DocumentFiles } from '../../functions/documents/adapters/s3-document-files.ts';
import type { DocumentsDependencies } from '../../functions/documents/application/documents.ports.ts';
import { downloadDocument, revokeDocument } from '../../functions/documents/application/document-queries.use-cases.ts';
import { requestDocument } from '../../functions/documents/application/request-document.use-case.ts';
import { approveRequest, rejectRequest, reviewQueue } from '../../functions/documents/application/review.use-cases.ts';
import { verifyDocument } from '../../functions/documents/application/verify-document.use-case.ts';
import { documentsService } from '../../functions/documents/documents.service.ts';
import { loadReferenceSnapshot } from '../../functions/reference-data/public-reader.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { signerFor } from '../../functions/shared/signing/jws-signer.ts';
import { SALMA } from '../fixtures/civil-status/acts.ts';
import { decodeQrCode, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { freshTablesWithReferenceData, localDocumentClient, localS3 } from './local-aws.ts';

const registrar: Principal = { sub: 'registrar-rabat', roles: ['registrar'], office: 'RBT-HASSAN' };
const otherRegistrar: Principal = { sub: 'registrar-rabat-2', roles: ['registrar'], office: 'RBT-HASSAN' };
const now = new Date('2026-12-01T10:00:00Z');
const client = localDocumentClient();
const s3 = localS3();
const prefix = `documents-${randomUUID().slice(0, 8)}/`;

let dependencies: DocumentsDependencies;
let register: DynamoDbCivilStatusRepository;
let documentsTable: DynamoDbDocumentsRepository;

const context = () => ({ now, requestId: randomUUID() });
const citizen = (civilId: string): Principal => ({ sub: `citizen-${civilId}`, roles: ['citizen'], civilId });

async function registerBirth(person: Partial<CivilAct['person']> = {}): Promise<CivilAct> {
  return registerCivilAct(
    {
      repository: register,
      newActId: () => randomUUID(),
      newCivilId: () => newCivilId(() => Math.floor(Math.random() * 10)),
      newNoteId: () => randomUUID(),
      isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
      isLegacyReferenceTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'legacy-reference',
      isActTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'act',
      actIdFor: idFromIdempotencyKey,
      releaseLegacyClaim: (act) => register.releaseLegacyClaim(act),
    },
    {
      type: 'birth',
      legacy: { office: 'RBT-HASSAN', year: 1990, register: 'R1', number: Math.floor(Math.random() * 1e9) },
      person: { ...SALMA, ...person },
    },
    registrar,
    now,
  );
}

async function storedPdfs(): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: INTEGRATION_BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

beforeAll(async () => {
  const names = await freshTablesWithReferenceData([...(civilStatusService.tables ?? []), ...(documentsService.tables ?? [])]);
  register = new DynamoDbCivilStatusRepository(client, names['civil-status']!);
  documentsTable = new DynamoDbDocumentsRepository(client, names.documents!, { civilStatus: names['civil-status']!, reference: names.reference! });

  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'raqmana-documents-')), 'key.json');
  writeFileSync(keyFile, JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }));
  process.env.SIGNING_KEY_INTEGRATION_DOCUMENTS = pathToFileURL(keyFile).href;

  const files = s3DocumentFiles(s3, INTEGRATION_BUCKET);
  const acts = civilActReader(client, names['civil-status']!);
  dependencies = {
    repository: documentsTable,
    register: { birthAct: (target) => ('actId' in target ? acts.get(target.actId) : acts.getByCivilId(target.civilId)) },
    reference: { snapshot: (office, years) => loadReferenceSnapshot(client, names.reference!, { office, years }) },
    // Under a prefix of this file's own, so the objects counted are this file's.
    files: { put: (key, pdf) => files.put(prefix + key, pdf), get: (key) => files.get(prefix + key), discard: (key) => files.discard(prefix + key) },
    renderer: { render: renderBirthDocument },
    signer: signerFor('integration-documents'),
    payments: immediatePayments,
    newRequestId: () => randomUUID(),
    requestIdFor,
    newDocumentNumber,
  };
});

describe('requesting a document', () => {
  it('issues an extract of a digitized act at once, logging the read in the register in the same write', async () => {
    const act = await registerBirth();
    const owner = citizen(act.person.civilId!);
    const request = await requestDocument(dependencies, { kind: 'birth-extract', civilId: act.person.civilId!, relationship: 'self', delivery: 'digital' }, owner, context());

    expect(request).toMatchObject({ status: 'issued', actId: act.id, office: 'RBT-HASSAN', fee: { amount: 1000, currency: 'MAD', paymentStatus: 'confirmed' }, dueDate: '2026-12-04' });
    const document = await documentsTable.getDocument(request.documentId!);
    expect(document).toMatchObject({ requestId: request.id, actId: act.id, status: 'valid', owner: { civilId: act.person.civilId } });
    expect(await storedPdfs()).toContain(`${prefix}documents/${request.documentId}.pdf`);
    const reads = await register.accessLog(act.id, { limit: 10 });
    expect(reads.items).toEqual([expect.objectContaining({ by: owner.sub, role: 'citizen', reason: `document request ${request.id}` })]);

    const downloaded = await downloadDocument(dependencies, request.documentId!, owner, context());
    expect(Buffer.from(downloaded.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(downloadDocument(dependencies, request.documentId!, citizen('4000000004'), context())).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses an unrelated person with 403 and writes nothing, not even a read in the register', async () => {
    const act = await registerBirth();
    const stranger = citizen(newCivilId(() => Math.floor(Math.random() * 10)));
    const before = await storedPdfs();
    for (const relationship of ['self', 'parent', 'child', 'spouse'] as const) {
      await expect(
        requestDocument(dependencies, { kind: 'birth-full-copy', act: act.id, relationship, delivery: 'digital' }, stranger, context()),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(requestDocument(dependencies, { kind: 'birth-extract', act: randomUUID(), relationship: 'self', delivery: 'digital' }, stranger, context())).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await documentsTable.requestsOf(stranger.civilId!, { limit: 10 })).items).toEqual([]);
    expect((await register.accessLog(act.id, { limit: 10 })).items).toEqual([]);
    expect(await storedPdfs()).toEqual(before);
  });

  it('makes one request and one document of retries with one Idempotency-Key, even at the same time, and refuses the key for another request', async () => {
    const act = await registerBirth();
    const owner = citizen(act.person.civilId!);
    const input = { kind: 'birth-extract', act: act.id, relationship: 'self', delivery: 'digital' } as const;
    const keyed = { ...context(), idempotencyKey: `key-${randomUUID()}` };
    const tries = await Promise.all([1, 2, 3].map(() => requestDocument(dependencies, input, owner, keyed)));
    expect(new Set(tries.map((request) => request.id)).size).toBe(1);
    expect(new Set(tries.map((request) => request.documentId)).size).toBe(1);
    expect(await requestDocument(dependencies, input, owner, keyed)).toMatchObject({ id: tries[0]!.id, documentId: tries[0]!.documentId });
    expect((await documentsTable.requestsOf(act.person.civilId!, { limit: 10 })).items).toHaveLength(1);
    expect((await storedPdfs()).filter((key) => key.endsWith(`${tries[0]!.documentId}.pdf`))).toHaveLength(1);
    await expect(requestDocument(dependencies, { ...input, kind: 'birth-full-copy' }, owner, keyed)).rejects.toMatchObject({ code: 'idempotency-key-reused' });
  });

  it("lets a child ask for a parent's act named on their own, logging both reads", async () => {
    const father = await registerBirth({ givenName: { ar: 'محمد', latin: 'Mohammed' }, sex: 'M', birthDate: '1960-01-01' });
    const child = await registerBirth({ father: { givenName: { ar: 'محمد', latin: 'Mohammed' }, civilId: father.person.civilId! } });
    const request = await requestDocument(dependencies, { kind: 'birth-extract', civilId: father.person.civilId!, relationship: 'parent', delivery: 'pickup' }, citizen(child.person.civilId!), context());
    expect(request).toMatchObject({ status: 'issued', actId: father.id, fee: { amount: 1500 } });
    expect((await register.accessLog(child.id, { limit: 10 })).items).toHaveLength(1);
    expect((await register.accessLog(father.id, { limit: 10 })).items).toHaveLength(1);
  });
});

describe('reviewing a request', () => {
  it('queues an act not fully digitized until a registrar approves it, once, however many approve at the same time', async () => {
    const act = await registerBirth({ birthPlace: { ar: 'الرباط' } });
    const request = await requestDocument(dependencies, { kind: 'birth-extract', act: act.id, relationship: 'self', delivery: 'digital' }, citizen(act.person.civilId!), context());
    expect(request).toMatchObject({ status: 'awaiting-review', reviewReason: 'not-digitized', dueDate: '2026-12-04' });

    const queue = await reviewQueue(documentsTable, registrar, { limit: 100 }, false, now);
    expect(queue.items.map((item) => item.id)).toContain(request.id);
    const late = new Date('2026-12-05T08:00:00Z');
    expect((await reviewQueue(documentsTable, registrar, { limit: 100 }, true, late)).items).toContainEqual(expect.objectContaining({ id: request.id, overdue: true }));
    expect((await reviewQueue(documentsTable, registrar, { limit: 100 }, true, now)).items.map((item) => item.id)).not.toContain(request.id);

    const pdfsBefore = (await storedPdfs()).length;
    const outcomes = await Promise.allSettled([registrar, otherRegistrar, registrar].map((who) => approveRequest(dependencies, request.id, who, context())));
    const approved = outcomes.filter((outcome): outcome is PromiseFulfilledResult<Awaited<ReturnType<typeof approveRequest>>> => outcome.status === 'fulfilled');
    expect(approved.length).toBeGreaterThanOrEqual(1);
    expect(new Set(approved.map((outcome) => outcome.value.documentId)).size).toBe(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: expect.stringMatching(/^(conflict|invalid-state)$/) });
    // Only the winner's PDF is kept.
    expect((await storedPdfs()).length).toBe(pdfsBefore + 1);
    expect((await documentsTable.getRequest(request.id))?.status).toBe('issued');
    expect((await reviewQueue(documentsTable, registrar, { limit: 100 }, false, now)).items.map((item) => item.id)).not.toContain(request.id);
  });

  it('refuses to approve a request that is not awaiting review (issued at once, approved, rejected) with 409, numbering, signing and storing nothing', async () => {
    const digitized = await registerBirth();
    const autoIssued = await requestDocument(dependencies, { kind: 'birth-extract', act: digitized.id, relationship: 'self', delivery: 'digital' }, citizen(digitized.person.civilId!), context());
    const old = await registerBirth({ birthPlace: { ar: 'الرباط' } });
    const toApprove = await requestDocument(dependencies, { kind: 'birth-extract', act: old.id, relationship: 'self', delivery: 'digital' }, citizen(old.person.civilId!), context());
    const approved = await approveRequest(dependencies, toApprove.id, registrar, context());
    const toReject = await requestDocument(dependencies, { kind: 'birth-full-copy', act: old.id, relationship: 'self', delivery: 'digital' }, citizen(old.person.civilId!), context());
    await rejectRequest(documentsTable, toReject.id, 'Illegible register page', registrar, context());

    const made = { numbers: 0, signatures: 0 };
    const counting: DocumentsDependencies = {
      ...dependencies,
      newDocumentNumber: () => (made.numbers++, dependencies.newDocumentNumber()),
      signer: { sign: (payload) => (made.signatures++, dependencies.signer.sign(payload)), verificationKeys: () => dependencies.signer.verificationKeys() },
    };
    const pdfsBefore = await storedPdfs();
    for (const [request, who] of [[autoIssued, registrar], [approved, otherRegistrar], [toReject, registrar], [toReject, otherRegistrar]] as const) {
      await expect(approveRequest(counting, request.id, who, context())).rejects.toMatchObject({ code: 'invalid-state' });
    }
    // The approving registrar's retry answers with the document issued the first time, and makes none.
    expect(await approveRequest(counting, approved.id, registrar, context())).toMatchObject({ status: 'issued', documentId: approved.documentId });
    expect(made).toEqual({ numbers: 0, signatures: 0 });
    expect(await storedPdfs()).toEqual(pdfsBefore);
    expect((await documentsTable.getRequest(toReject.id))?.status).toBe('rejected');
  });

  it('keeps another office out of the request', async () => {
    const act = await registerBirth({ birthPlace: { ar: 'الرباط' } });
    const request = await requestDocument(dependencies, { kind: 'birth-extract', act: act.id, relationship: 'self', delivery: 'digital' }, citizen(act.person.civilId!), context());
    const elsewhere: Principal = { sub: 'registrar-fes', roles: ['registrar'], office: 'FES-AGDAL' };
    await expect(approveRequest(dependencies, request.id, elsewhere, context())).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('verifying what is not a genuine document', () => {
  it('answers 400 to a text that is no signed code, and tampered to a well-formed code that fails or names no issued document', async () => {
    for (const garbage of ['hello', 'a.b', 'a.b.c', `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.c2ln`]) {
      await expect(verifyDocument(dependencies, garbage, context())).rejects.toMatchObject({ code: 'validation-failed', fieldIssues: [{ pointer: '/body/qr' }] });
    }
    const [key] = await dependencies.signer.verificationKeys();
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: key!.kid })).toString('base64url');
    expect(await verifyDocument(dependencies, `${header}.e30.${Buffer.alloc(64).toString('base64url')}`, context())).toEqual({ valid: false, status: 'tampered' });
    // Signed with the platform's key, but never issued: the register does not know the number.
    const neverIssued = await dependencies.signer.sign({ v: 1, dn: newDocumentNumber(), k: 'extract' });
    expect(await verifyDocument(dependencies, neverIssued, context())).toEqual({ valid: false, status: 'tampered' });
  });
});

describe('verifying and revoking', () => {
  it('answers valid, then revoked once a registrar revokes it; a changed QR code is tampered', async () => {
    const act = await registerBirth();
    const owner = citizen(act.person.civilId!);
    const request = await requestDocument(dependencies, { kind: 'birth-extract', act: act.id, relationship: 'self', delivery: 'digital' }, owner, context());
    const document = await documentsTable.getDocument(request.documentId!);
    const { pdf } = await downloadDocument(dependencies, document!.id, owner, context());
    const qr = decodeQrCode(await pageOperators(pdf, 0))!;

    expect(await verifyDocument(dependencies, qr, context())).toMatchObject({ valid: true, status: 'valid', claims: { dn: document!.id, dob: '1990-05-06' } });
    const [header, payload, signature] = qr.split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('1990-05-06', '1980-05-06')).toString('base64url');
    expect(await verifyDocument(dependencies, `${header}.${forged}.${signature}`, context())).toEqual({ valid: false, status: 'tampered' });

    const outcomes = await Promise.allSettled([revokeDocument(documentsTable, document!.id, 'Act corrected by judgement', registrar, context()), revokeDocument(documentsTable, document!.id, 'Duplicate', otherRegistrar, context())]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await verifyDocument(dependencies, qr, context())).toMatchObject({ valid: false, status: 'revoked', claims: { dn: document!.id } });
    expect((await documentsTable.revocations({ limit: 100 })).items).toContainEqual({ id: document!.id, revokedAt: now.toISOString() });
    // A revoked paper is void: its owner cannot download it any more (410), nor can the office print it.
    for (const who of [owner, registrar]) await expect(downloadDocument(dependencies, document!.id, who, context())).rejects.toMatchObject({ code: 'document-revoked' });

    const events = await documentsTable.documentEvents(document!.id, { limit: 100 });
    expect(events.items.map((event) => [event.type, event.outcome])).toEqual(
      expect.arrayContaining([['issued', undefined], ['downloaded', undefined], ['verified', 'valid'], ['revoked', undefined], ['verified', 'revoked']]),
    );
  });
});
