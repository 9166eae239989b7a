// The requests and the log of their documents' reads in the transparency table, for the released documents'
// handlers; the route listing the reads has this alone (no bucket in its environment, no S3 client in its bundle).
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { DynamoDbReleasedDocumentsRepository } from './dynamodb-released-documents.repository.ts';
import { TRANSPARENCY_TABLE_ID } from './transparency-keys.ts';

export const releasedDocumentsRepository = new DynamoDbReleasedDocumentsRepository(dynamodb, tableName(TRANSPARENCY_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID));
