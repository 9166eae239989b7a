// The registry office wired to DynamoDB, created once per module.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { RegistryOfficeDependencies } from '../application/registry-office.ports.ts';
import { jitteredPause } from './jittered-pause.ts';
import { DynamoDbRegistryOfficeRepository } from './dynamodb-registry-office.repository.ts';
import { registryIdentifiers } from './registry-identifiers.ts';
import { REGISTRY_OFFICE_TABLE_ID } from './registry-office-keys.ts';

export const registryOfficeDependencies: RegistryOfficeDependencies = {
  // The reference table is read only by the functions granted it (numbering, settings, deadlines, acknowledgments).
  repository: new DynamoDbRegistryOfficeRepository(dynamodb, tableName(REGISTRY_OFFICE_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID)),
  identifiers: registryIdentifiers,
  pauseBeforeRetry: jitteredPause,
};
