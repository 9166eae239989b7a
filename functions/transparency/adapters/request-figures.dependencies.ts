// The annual figures wired to the transparency table and reference data.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { DynamoDbRequestFiguresRepository } from './dynamodb-request-figures.repository.ts';
import { TRANSPARENCY_TABLE_ID } from './transparency-keys.ts';

export const requestFiguresRepository = new DynamoDbRequestFiguresRepository(dynamodb, tableName(TRANSPARENCY_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID));
