// The permits use cases wired to DynamoDB, created once per module; the workflow and the documents bucket
// are built only by the handlers that use them, so the others bundle neither client.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { PermitsDependencies } from '../application/file-permit.use-case.ts';
import { DynamoDbPermitsRepository } from './dynamodb-permits.repository.ts';
import { PERMITS_TABLE_ID } from './permit-keys.ts';
import { permitIdentifiers } from './permit-identifiers.ts';

export const permitsDependencies: PermitsDependencies = {
  repository: new DynamoDbPermitsRepository(dynamodb, tableName(PERMITS_TABLE_ID), tableName(REFERENCE_TABLE_ID)),
  identifiers: permitIdentifiers,
};
