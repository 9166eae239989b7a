// The publication register wired to DynamoDB, created once per module.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { PublicationRegister } from '../application/open-data.ports.ts';
import { DynamoDbPublicationRegister } from './dynamodb-publication-register.repository.ts';
import { OPEN_DATA_TABLE_ID } from './open-data-keys.ts';

export const publicationRegister: PublicationRegister = new DynamoDbPublicationRegister(dynamodb, tableName(OPEN_DATA_TABLE_ID));
