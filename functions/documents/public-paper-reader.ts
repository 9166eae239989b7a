// The register of signed documents wired to its table and bucket, for another context's routes that serve a
// stored paper: no signing key and no PDF renderer in their bundles.
import { dynamodb, tableName } from '../shared/aws/dynamodb.ts';
import type { PaperReading } from './application/signed-documents.use-cases.ts';
import { DOCUMENTS_TABLE_ID } from './adapters/documents-keys.ts';
import { DynamoDbDocumentsRepository } from './adapters/dynamodb-documents.repository.ts';
import { issuedFiles } from './adapters/issued-files.ts';

export function signedPaperReader(): PaperReading {
  return { register: new DynamoDbDocumentsRepository(dynamodb, tableName(DOCUMENTS_TABLE_ID)), files: issuedFiles };
}
