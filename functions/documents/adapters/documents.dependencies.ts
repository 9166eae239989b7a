// The documents use cases wired to DynamoDB, S3, the signing key and the payment provider, created once per module.
import { randomUUID } from 'node:crypto';
import { CIVIL_STATUS_TABLE_ID } from '../../civil-status/public.ts';
import { civilActReader } from '../../civil-status/public-dynamodb.ts';
import { loadReferenceSnapshot, REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { signerFor } from '../../shared/signing/jws-signer.ts';
import type { DocumentsDependencies } from '../application/documents.ports.ts';
import { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from './documents-keys.ts';
import { DynamoDbDocumentsRepository } from './dynamodb-documents.repository.ts';
import { s3DocumentFiles } from './s3-document-files.ts';
import { renderBirthDocument } from './birth-document-pdf.ts';
import { immediatePayments } from './immediate-payments.ts';
import { newDocumentNumber, requestIdFor } from './document-numbers.ts';

const civilStatusTable = tableName(CIVIL_STATUS_TABLE_ID);
const referenceTable = tableName(REFERENCE_TABLE_ID);
const acts = civilActReader(dynamodb, civilStatusTable);

export const documentsDependencies: DocumentsDependencies = {
  repository: new DynamoDbDocumentsRepository(dynamodb, tableName(DOCUMENTS_TABLE_ID), civilStatusTable, referenceTable),
  register: { birthAct: (target) => ('actId' in target ? acts.get(target.actId) : acts.getByCivilId(target.civilId)) },
  reference: { snapshot: (office, years) => loadReferenceSnapshot(dynamodb, referenceTable, { office, years }) },
  files: s3DocumentFiles(s3Client, bucketName(ISSUED_DOCUMENTS_BUCKET_ID)),
  renderer: { render: renderBirthDocument },
  signer: signerFor(DOCUMENT_SIGNING_KEY_ID),
  payments: immediatePayments,
  newRequestId: () => randomUUID(),
  requestIdFor,
  newDocumentNumber,
};
