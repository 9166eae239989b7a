// The datasets wired to DynamoDB, created once per module.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { OpenDataDependencies } from '../application/open-data.ports.ts';
import { DynamoDbDatasetRepository } from './dynamodb-datasets.repository.ts';
import { openDataIdentifiers } from './open-data-identifiers.ts';
import { OPEN_DATA_TABLE_ID } from './open-data-keys.ts';

export const openDataDependencies: OpenDataDependencies = {
  repository: new DynamoDbDatasetRepository(dynamodb, tableName(OPEN_DATA_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID)),
  identifiers: openDataIdentifiers,
};
