// The reproduction costs' use cases wired to the transparency table (and reference data) and the shared payment port.
import { dynamodb, tableName, tableNameWhenRead } from '../../shared/aws/dynamodb.ts';
import { immediatePayments } from '../../shared/payments/payment-provider.ts';
import { REFERENCE_TABLE_ID } from '../../reference-data/public.ts';
import { DynamoDbCostsRepository } from './dynamodb-costs.repository.ts';
import { TRANSPARENCY_TABLE_ID } from './transparency-keys.ts';

export const costsRepository = new DynamoDbCostsRepository(dynamodb, tableName(TRANSPARENCY_TABLE_ID), tableNameWhenRead(REFERENCE_TABLE_ID));

/** No payment gateway is signed yet: the provider that confirms at once (a real one implements the same port). */
export const payments = immediatePayments;
