// The complaints context wired to DynamoDB, created once per module. The reference table's name is read on first
// use: a function that never reads reference data is not given it (a missing name would fail its cold start).
import { randomBytes, randomUUID } from 'node:crypto';
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import type { ComplaintsDependencies } from '../application/complaints.ports.ts';
import { DynamoDbComplaintsRepository } from './dynamodb-complaints.repository.ts';
import { COMPLAINTS_TABLE_ID } from './complaints-keys.ts';

export const complaintsDependencies: ComplaintsDependencies = {
  repository: new DynamoDbComplaintsRepository(dynamodb, tableName(COMPLAINTS_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID)),
  identifiers: { complaintIdFor: idFromIdempotencyKey, newComplaintId: () => randomUUID(), newFollowUpToken: () => randomBytes(32).toString('base64url') },
};
