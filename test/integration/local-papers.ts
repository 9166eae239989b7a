// The register of signed documents on DynamoDB Local and the S3 server, with a signing key made for the test
// file, as the permits' papers are issued in AWS: for integration tests whose permits get receipts and certificates.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDbDocumentsRepository } from '../../functions/documents/adapters/dynamodb-documents.repository.ts';
import { s3DocumentFiles } from '../../functions/documents/adapters/s3-document-files.ts';
import { documentsService } from '../../functions/documents/documents.service.ts';
import type { PaperIssuing } from '../../functions/documents/public.ts';
import { renderPermitPaper } from '../../functions/permits/adapters/permit-pdfs.ts';
import type { PermitPapersIssuing } from '../../functions/permits/application/permit-papers.use-cases.ts';
import { signerFor } from '../../functions/shared/signing/jws-signer.ts';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { freshTables, localDocumentClient, localS3 } from './local-aws.ts';

export interface LocalPapers {
  readonly register: DynamoDbDocumentsRepository;
  /** The register's table, for tests that write an item as an older version stored it. */
  readonly table: string;
  readonly issuing: PaperIssuing;
  readonly papers: PermitPapersIssuing;
  /** The prefix of the bucket this file's papers are stored under. */
  readonly prefix: string;
}

/** A fresh register (its own table, key and bucket prefix), so the papers a test file counts are its own. */
export async function localPapers(keyName: string): Promise<LocalPapers> {
  const names = await freshTables(documentsService.tables ?? []);
  const register = new DynamoDbDocumentsRepository(localDocumentClient(), names.documents!);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'raqmana-papers-')), 'key.json');
  writeFileSync(keyFile, JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }));
  process.env[`SIGNING_KEY_${keyName.toUpperCase().replace(/-/g, '_')}`] = pathToFileURL(keyFile).href;
  const prefix = `papers-${randomUUID().slice(0, 8)}/`;
  const files = s3DocumentFiles(localS3(), INTEGRATION_BUCKET);
  const issuing: PaperIssuing = {
    register,
    files: { put: (key, pdf) => files.put(prefix + key, pdf), get: (key) => files.get(prefix + key), discard: (key) => files.discard(prefix + key) },
    signer: signerFor(keyName),
    objectKeyFor: (id) => `papers/${id}/${randomUUID()}.pdf`,
  };
  return { register, table: names.documents!, issuing, papers: { register: issuing, render: renderPermitPaper }, prefix };
}
