// The reference-data repository wired to DynamoDB, created once per module for every handler of the context.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { DynamoDbReferenceDataRepository } from './dynamodb-reference-data.repository.ts';
import { REFERENCE_TABLE_ID } from './reference-keys.ts';

export const referenceDataRepository = new DynamoDbReferenceDataRepository(dynamodb, tableName(REFERENCE_TABLE_ID));
