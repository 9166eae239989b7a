// The documents released with an answer on DynamoDB Local and the S3 server (its bucket scanned as the local
// platform's is): declared with the upload URL signed for their SHA-256, uploaded, completed; a file that is not the
// declared one is removed and nothing recorded; the completion finds the "not scanned" tag and releases it; the requester's read once answered hands out a link that serves the
// bytes and is logged.
import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiringChecksummedObjects } from '../../functions/shared/aws/checksummed-objects.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ChecksumMismatchError, InvalidStateError } from '../../functions/shared/errors/domain-errors.ts';
import { DynamoDbReleasedDocumentsRepository } from '../../functions/transparency/adapters/dynamodb-released-documents.repository.ts';
import { releasedDocumentKeys } from '../../functions/transparency/adapters/request-delivery-keys.ts';
import { transparencyIdentifiers } from '../../functions/transparency/adapters/transparency-identifiers.ts';
import { answer } from '../../functions/transparency/application/change-request.use-cases.ts';
import { fileRequest, type AskedInformation } from '../../functions/transparency/application/open-request.use-cases.ts';
import { completeDocument, declareDocument, documentReads, readDocument, type ReleasedDocumentsDependencies } from '../../functions/transparency/application/released-documents.use-cases.ts';
import { transparencyService } from '../../functions/transparency/transparency.service.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { startS3Local, type RunningS3 } from '../../lib/local/s3-local.ts';
import { MINIMAL_PDF } from '../fixtures/attachment-files.ts';
import { freshTablesWithReferenceData, localDocumentClient } from './local-aws.ts';

const BUCKET = 'released-documents';
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
const now = new Date('2026-06-15T09:00:00Z');
const asked: AskedInformation = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  information: 'Le budget 2026',
  format: 'electronic',
};
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const file = { name: 'Budget 2026.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) } as const;

let server: RunningS3;
let s3: S3Client;
let dependencies: ReleasedDocumentsDependencies;
let repository: DynamoDbReleasedDocumentsRepository;

async function put(upload: { url: string; headers: Record<string, string> }, content: Uint8Array): Promise<void> {
  expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: content })).status).toBe(200);
}

/** The local S3 server tags a new object of a scanned bucket a moment after storing it. */
async function onceTagged(objectKey: string): Promise<void> {
  for (let attempt = 0; attempt < 50 && (await dependencies.store.scanTag(objectKey)) === undefined; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('released documents on DynamoDB Local and the S3 server', () => {
  beforeAll(async () => {
    server = await startS3Local({ buckets: [BUCKET], scannedBuckets: [BUCKET] });
    s3 = new S3Client({ endpoint: server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    const names = await freshTablesWithReferenceData(transparencyService.tables ?? []);
    repository = new DynamoDbReleasedDocumentsRepository(localDocumentClient(), names.transparency!, () => names.reference!);
    let ids = 0;
    dependencies = {
      repository,
      store: { objectKey: releasedDocumentKeys.object, ...expiringChecksummedObjects(s3, BUCKET, () => now) },
      newDocumentId: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
      scannerDeployed: false,
    };
  });

  afterAll(async () => {
    s3.destroy();
    await server.stop();
  });

  it('are stored when the upload is the declared file, read by the requester once answered, and every read logged', async () => {
    const request = await fileRequest({ repository, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: 'docs-1' });
    const declared = await declareDocument(dependencies, request.id, file, agent, now);
    await put(declared.upload, MINIMAL_PDF);
    await onceTagged(releasedDocumentKeys.object(request.id, declared.document.id));
    const stored = await completeDocument(dependencies, request.id, declared.document.id, agent, now);
    expect(stored).toMatchObject({ status: 'stored', sha256: file.sha256, scan: 'not-scanned' });

    await expect(readDocument(dependencies, request.id, stored.id, citizen, now)).rejects.toThrow(InvalidStateError);
    await answer(repository, request.id, { outcome: 'full', summary: 'Le budget est joint', format: 'electronic' }, agent, now);
    const read = await readDocument(dependencies, request.id, stored.id, citizen, now);

    expect(read.document.scan).toBe('not-scanned');
    expect(Buffer.from(await (await fetch(read.url)).arrayBuffer()).equals(MINIMAL_PDF)).toBe(true);
    expect((await repository.get(request.id))!.releasedDocuments![0]!.scan).toBe('not-scanned');
    expect((await repository.history(request.id, { limit: 20 })).items.map((event) => event.type)).toEqual(['received', 'document-declared', 'document-stored', 'answered']);
    await readDocument(dependencies, request.id, stored.id, agent, now);
    const reads = await documentReads(repository, request.id, citizen, { limit: 10 });
    expect(reads.items.map((logged) => logged.by.sub).sort()).toEqual(['agent-rabat', 'citizen-1']);
  });

  it('removes an upload that is not the declared file and records nothing', async () => {
    const request = await fileRequest({ repository, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: 'docs-2' });
    const declared = await declareDocument(dependencies, request.id, file, agent, now);
    const objectKey = releasedDocumentKeys.object(request.id, declared.document.id);
    // The local S3 server does not check the signed checksum: the completion's own check is what refuses.
    await put(declared.upload, Buffer.concat([MINIMAL_PDF, Buffer.from('x')]));

    await expect(completeDocument(dependencies, request.id, declared.document.id, agent, now)).rejects.toThrow(ChecksumMismatchError);
    expect(await dependencies.store.contents(objectKey, 0)).toBeUndefined();
    expect((await repository.get(request.id))!.releasedDocuments![0]!.status).toBe('awaiting-upload');
  });
});
