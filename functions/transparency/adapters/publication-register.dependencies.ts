// The publication register wired to DynamoDB, created once per module.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { PublicationRegister } from '../application/transparency.ports.ts';
import { DynamoDbPublicationRegister } from './dynamodb-publication-register.repository.ts';
import { TRANSPARENCY_TABLE_ID } from './transparency-keys.ts';

export const publicationRegister: PublicationRegister = new DynamoDbPublicationRegister(dynamodb, tableName(TRANSPARENCY_TABLE_ID));
