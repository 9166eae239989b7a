// The letters and the attachments' read log in the registry-office table, for the attachment handlers; the route
// listing the reads has this alone (no bucket in its environment, no S3 client in its bundle).
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { DynamoDbAttachmentsRepository } from './dynamodb-attachments.repository.ts';
import { REGISTRY_OFFICE_TABLE_ID } from './registry-office-keys.ts';

export const attachmentsRepository = new DynamoDbAttachmentsRepository(dynamodb, tableName(REGISTRY_OFFICE_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID));
