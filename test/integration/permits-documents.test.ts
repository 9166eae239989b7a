// The applicant's documents on DynamoDB Local and the local S3 server: declared with their SHA-256, uploaded by
// presigned URL, counted only once verified; the clock resumes when the last requested one is; staff reads logged.
import { createHash } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, NotFound, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { permitDocumentsStore } from '../../functions/permits/adapters/documents-bucket.ts';
import { DynamoDbPermitsRepository } from '../../functions/permits/adapters/dynamodb-permits.repository.ts';
import { permitIdentifiers } from '../../functions/permits/adapters/permit-identifiers.ts';
import {
  completePermitDocument,
  declarePermitDocuments,
  requestPermitDocuments,
  type PermitsWithDocuments,
} from '../../functions/permits/application/change-permit.use-cases.ts';
import { filePermitApplication } from '../../functions/permits/application/file-permit.use-case.ts';
import { CLOCK_STARTING_EVENTS } from '../../functions/permits/domain/permit-events.ts';
import { permitDocumentReads, readPermitDocument } from '../../functions/permits/application/permit-queries.use-cases.ts';
import type { Permit } from '../../functions/permits/domain/permit.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ChecksumMismatchError, FileNotScannedYetError, FileQuarantinedError, InvalidStateError } from '../../functions/shared/errors/domain-errors.ts';
import { MALWARE_SCAN_TAG } from '../../functions/shared/malware-scan.ts';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { freshTablesWithReferenceData, localDocumentClient, localDynamoDb, localS3, outboxEventsAbout } from './local-aws.ts';

const citizen: Principal = { sub: 'citizen-docs', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-docs', roles: ['agent'], commune: 'rabat' };
const application = { applicant: citizen.sub, procedure: 'building-small', commune: 'rabat', project: { title: 'Maison', address: '12 rue X' } };
const PLAN = Buffer.from('%PDF-1.7 plan de masse');
const SURVEY = Buffer.from('%PDF-1.7 levé topographique');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const on = (instant: string) => new Date(instant);

let dependencies: PermitsWithDocuments;

/** The versions of the permit at which a change (re)started its clock: a deadline workflow follows each such event. */
async function clockStarts(permitId: string): Promise<number[]> {
  const events = await outboxEventsAbout(permitsTable, permitId);
  return events.filter((event) => (CLOCK_STARTING_EVENTS as readonly string[]).includes(event.type)).map((event) => Number(event.data.version));
}
let permitsTable: string;

async function suspendedPermit(documents: string[]): Promise<Permit> {
  const filed = await filePermitApplication(dependencies, application, on('2026-12-01T09:00:00Z'));
  return requestPermitDocuments(dependencies, filed.id, { documents, note: 'Pièces manquantes' }, agent, on('2026-12-02T09:00:00Z'));
}

/** What GuardDuty's tagging action does once it has scanned the object. */
async function scannerTags(objectKey: string, result: string) {
  await localS3().send(new PutObjectTaggingCommand({ Bucket: INTEGRATION_BUCKET, Key: objectKey, Tagging: { TagSet: [{ Key: MALWARE_SCAN_TAG, Value: result }] } }));
}

async function upload(target: { url: string; headers: Record<string, string> }, body: Buffer) {
  const reply = await fetch(target.url, { method: 'PUT', headers: target.headers, body });
  expect(reply.status).toBe(200);
}

describe('permit documents on DynamoDB Local and the local S3 server', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(permitsService.tables ?? []);
    const documents = localDocumentClient();
    permitsTable = names.permits!;
    dependencies = {
      repository: new DynamoDbPermitsRepository(documents, names.permits!, names.reference!),
      identifiers: permitIdentifiers,
      documents: permitDocumentsStore(localS3(), INTEGRATION_BUCKET),
    };
  });

  it('refuses an upload whose SHA-256 is not the declared one: removed, not counted, the clock still stopped', async () => {
    const permit = await suspendedPermit(['plan de masse']);
    const { uploads } = await declarePermitDocuments(dependencies, permit.id, [{ name: 'plan de masse', contentType: 'application/pdf', sha256: sha256(PLAN) }], citizen, on('2026-12-03T09:00:00Z'));
    await upload(uploads[0]!, Buffer.from('%PDF-1.7 another file'));

    await expect(completePermitDocument(dependencies, permit.id, uploads[0]!.documentId, citizen, on('2026-12-03T10:00:00Z'))).rejects.toThrow(ChecksumMismatchError);

    const stored = await dependencies.repository.get(permit.id);
    expect(stored).toMatchObject({ status: 'awaiting-documents', version: 3, documents: [] });
    expect(stored!.documentRequest!.uploads).toMatchObject([{ status: 'awaiting-upload' }]);
    const objectKey = dependencies.documents.objectKey(permit.id, uploads[0]!.documentId);
    await expect(localS3().send(new HeadObjectCommand({ Bucket: INTEGRATION_BUCKET, Key: objectKey }))).rejects.toBeInstanceOf(NotFound);
    // Only the filing emitted an event that starts a deadline workflow.
    expect(await clockStarts(permit.id)).toEqual([1]);
  });

  it('does not count a declared file that was never uploaded', async () => {
    const permit = await suspendedPermit(['plan de masse']);
    const { uploads } = await declarePermitDocuments(dependencies, permit.id, [{ name: 'plan de masse', contentType: 'application/pdf', sha256: sha256(PLAN) }], citizen, on('2026-12-03T09:00:00Z'));

    await expect(completePermitDocument(dependencies, permit.id, uploads[0]!.documentId, citizen, on('2026-12-03T10:00:00Z'))).rejects.toThrow(InvalidStateError);
    expect((await dependencies.repository.get(permit.id))!.status).toBe('awaiting-documents');
  });

  it('resumes the clock only when the last requested document is verified, at that instant', async () => {
    const permit = await suspendedPermit(['plan de masse', 'levé topographique']);
    const { permit: declared, uploads } = await declarePermitDocuments(
      dependencies,
      permit.id,
      [
        { name: 'plan de masse', contentType: 'application/pdf', sha256: sha256(PLAN) },
        { name: 'levé topographique', contentType: 'application/pdf', sha256: sha256(SURVEY) },
      ],
      citizen,
      on('2026-12-03T09:00:00Z'),
    );
    const [plan, survey] = uploads as [(typeof uploads)[number], (typeof uploads)[number]];
    await upload(plan, PLAN);
    await upload(survey, SURVEY);

    const half = await completePermitDocument(dependencies, permit.id, plan.documentId, citizen, on('2026-12-04T09:00:00Z'));
    const lastVerifiedAt = on('2026-12-07T15:42:10.000Z');
    const resumed = await completePermitDocument(dependencies, permit.id, survey.documentId, citizen, lastVerifiedAt);
    const again = await completePermitDocument(dependencies, permit.id, survey.documentId, citizen, on('2026-12-08T09:00:00Z'));

    expect(declared.status).toBe('awaiting-documents');
    expect(half.status).toBe('awaiting-documents');
    expect(resumed.status).toBe('filed');
    expect(resumed.clock.suspensions).toEqual([{ from: '2026-12-02', to: '2026-12-07', startedAt: '2026-12-02T09:00:00.000Z', endedAt: lastVerifiedAt.toISOString() }]);
    expect(resumed.documents.map((document) => [document.name, document.status, document.sizeBytes])).toEqual([
      ['plan de masse', 'verified', PLAN.length],
      ['levé topographique', 'verified', SURVEY.length],
    ]);
    expect(again.version).toBe(resumed.version);
    expect(await clockStarts(permit.id)).toEqual([1, resumed.version]);
  });

  it('projects keys only into the permit indexes, and still lists whole permits, newest first', async () => {
    const first = await filePermitApplication(dependencies, { ...application, applicant: 'citizen-lists' }, on('2026-12-01T09:00:00Z'));
    const second = await filePermitApplication(dependencies, { ...application, applicant: 'citizen-lists' }, on('2026-12-01T10:00:00Z'));

    const { Table } = await localDynamoDb().send(new DescribeTableCommand({ TableName: permitsTable }));
    const listed = await dependencies.repository.listByApplicant('citizen-lists', { limit: 10 });

    const projections = Object.fromEntries(Table!.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.Projection!.ProjectionType]));
    // Every permit index holds keys only; the figures' index holds the (small) counter and marker items it is read for.
    expect(projections).toEqual({
      byApplicant: 'KEYS_ONLY',
      byCommune: 'KEYS_ONLY',
      byCommuneStatus: 'KEYS_ONLY',
      openByDue: 'KEYS_ONLY',
      statsByDay: 'ALL',
    });
    expect(listed.items).toEqual([second, first]);
  });

  it('gives staff a short-lived link to a verified document once the malware scanner found it clean, and logs each read', async () => {
    const permit = await suspendedPermit(['plan de masse']);
    const { uploads } = await declarePermitDocuments(dependencies, permit.id, [{ name: 'plan de masse', contentType: 'application/pdf', sha256: sha256(PLAN) }], citizen, on('2026-12-03T09:00:00Z'));
    await upload(uploads[0]!, PLAN);
    await completePermitDocument(dependencies, permit.id, uploads[0]!.documentId, citizen, on('2026-12-03T10:00:00Z'));
    const read = () => readPermitDocument(dependencies.repository, dependencies.documents, permit.id, uploads[0]!.documentId, agent, on('2026-12-04T08:30:00Z'));

    // Verified, but not scanned yet: nothing served, no read logged.
    await expect(read()).rejects.toThrow(FileNotScannedYetError);
    expect((await permitDocumentReads(dependencies.repository, permit.id, citizen, { limit: 10 })).items).toEqual([]);

    await scannerTags(dependencies.documents.objectKey(permit.id, uploads[0]!.documentId), 'NO_THREATS_FOUND');
    const served = await read();
    const log = await permitDocumentReads(dependencies.repository, permit.id, citizen, { limit: 10 });

    expect(Buffer.from(await (await fetch(served.url)).arrayBuffer()).equals(PLAN)).toBe(true);
    expect(log.items).toMatchObject([{ documentId: uploads[0]!.documentId, name: 'plan de masse', by: { sub: agent.sub, role: 'agent' }, at: '2026-12-04T08:30:00.000Z' }]);
  });

  it('serves no one a document the scanner found a threat in, and logs no read', async () => {
    const permit = await suspendedPermit(['plan de masse']);
    const { uploads } = await declarePermitDocuments(dependencies, permit.id, [{ name: 'plan de masse', contentType: 'application/pdf', sha256: sha256(PLAN) }], citizen, on('2026-12-03T09:00:00Z'));
    await upload(uploads[0]!, PLAN);
    await completePermitDocument(dependencies, permit.id, uploads[0]!.documentId, citizen, on('2026-12-03T10:00:00Z'));
    await scannerTags(dependencies.documents.objectKey(permit.id, uploads[0]!.documentId), 'THREATS_FOUND');

    await expect(readPermitDocument(dependencies.repository, dependencies.documents, permit.id, uploads[0]!.documentId, agent, on('2026-12-04T08:30:00Z'))).rejects.toThrow(FileQuarantinedError);
    expect((await permitDocumentReads(dependencies.repository, permit.id, citizen, { limit: 10 })).items).toEqual([]);
  });
});
