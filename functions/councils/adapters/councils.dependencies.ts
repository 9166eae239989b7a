// The councils context wired to DynamoDB, created once per module.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { PapersRepository } from '../application/agenda-papers.use-cases.ts';
import type { CouncilsRepository } from '../application/councils.ports.ts';
import { DynamoDbCouncilsRepository } from './dynamodb-councils.repository.ts';
import { COUNCILS_TABLE_ID } from './councils-keys.ts';

export const councilsRepository: CouncilsRepository & PapersRepository = new DynamoDbCouncilsRepository(dynamodb, tableName(COUNCILS_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID));
