// The transparency context wired to DynamoDB, created once per module.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { TransparencyDependencies } from '../application/transparency.ports.ts';
import { DynamoDbTransparencyRepository } from './dynamodb-transparency.repository.ts';
import { transparencyIdentifiers } from './transparency-identifiers.ts';
import { TRANSPARENCY_TABLE_ID } from './transparency-keys.ts';

export const transparencyDependencies: TransparencyDependencies = {
  repository: new DynamoDbTransparencyRepository(dynamodb, tableName(TRANSPARENCY_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID)),
  identifiers: transparencyIdentifiers,
};
