// The register of signed documents wired to its table and bucket, for another context's routes that serve a
// stored paper (and, with the signing key, for those that issue one: ./public-paper-issuer.ts). The reader
// bundles no signing key and no PDF renderer.
import { dynamodb, tableName } from '../shared/aws/dynamodb.ts';
import type { DocumentFiles, SignedDocumentRegister } from './application/documents.ports.ts';
import type { PaperReading } from './application/signed-documents.use-cases.ts';
import { DOCUMENTS_TABLE_ID } from './adapters/documents-keys.ts';
import { DynamoDbDocumentsRepository } from './adapters/dynamodb-documents.repository.ts';
import { issuedFiles } from './adapters/issued-files.ts';

export function signedPaperStore(): { register: SignedDocumentRegister; files: DocumentFiles } {
  return { register: new DynamoDbDocumentsRepository(dynamodb, tableName(DOCUMENTS_TABLE_ID)), files: issuedFiles };
}

export const signedPaperReader: () => PaperReading = signedPaperStore;
