// Everything issuing needs (the register, reference data, the PDF renderer, the signing key, the PDF bucket, the
// payment provider), wired once per module. Only the request and approval routes import it: the PDF renderer
// and its fonts weigh about 1.4 MB, which no other route should load on a cold start.
import { randomUUID } from 'node:crypto';
import { CIVIL_STATUS_TABLE_ID } from '../../civil-status/public.ts';
import { civilActReader } from '../../civil-status/public-dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { DocumentsDependencies } from '../application/documents.ports.ts';
import { renderBirthDocument } from './birth-document-pdf.ts';
import { newDocumentNumber, requestIdFor } from './document-numbers.ts';
import { documentSigner } from './document-signer.ts';
import { DOCUMENTS_TABLE_ID } from './documents-keys.ts';
import { DynamoDbDocumentsRepository } from './dynamodb-documents.repository.ts';
import { immediatePayments } from './immediate-payments.ts';
import { issuedFiles } from './issued-files.ts';

const referenceTable = tableName(REFERENCE_TABLE_ID);
const civilStatusTable = tableName(CIVIL_STATUS_TABLE_ID);
const acts = civilActReader(dynamodb, civilStatusTable);

export const documentsDependencies: DocumentsDependencies = {
  repository: new DynamoDbDocumentsRepository(dynamodb, tableName(DOCUMENTS_TABLE_ID), { civilStatus: civilStatusTable, reference: referenceTable }),
  register: { birthAct: (target) => ('actId' in target ? acts.get(target.actId) : acts.getByCivilId(target.civilId)) },
  reference: { snapshot: (office, years) => loadReferenceSnapshot(dynamodb, referenceTable, { office, years }) },
  files: issuedFiles,
  renderer: { render: renderBirthDocument },
  signer: documentSigner,
  payments: immediatePayments,
  newRequestId: () => randomUUID(),
  requestIdFor,
  newDocumentNumber,
};
