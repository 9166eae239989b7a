// The documents table alone, for the routes that only read or change its records: no other context's tables in
// their environment, and no PDF renderer, signing or S3 code in their bundles.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { DOCUMENTS_TABLE_ID } from './documents-keys.ts';
import { DynamoDbDocumentsRepository } from './dynamodb-documents.repository.ts';

export const documentsRepository = new DynamoDbDocumentsRepository(dynamodb, tableName(DOCUMENTS_TABLE_ID));
