// Clients for the emulators the integration layer's global setup started, and fresh tables per test file.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { ensureTables } from '../../lib/local/local-tables.ts';
import type { TableDescription } from '../../functions/shared/service-description.ts';
import { DynamoDbReferenceDataRepository } from '../../functions/reference-data/adapters/dynamodb-reference-data.repository.ts';
import { DEMO_COMMUNES, DEMO_PROCEDURES, FIXED_HOLIDAY_RULES } from '../../functions/reference-data/data/demo-reference-data.ts';
import { referenceDataService } from '../../functions/reference-data/reference-data.service.ts';

export function localDynamoDb(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: inject('dynamodbEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

export function localDocumentClient(client = localDynamoDb()): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function localS3(): S3Client {
  return new S3Client({
    endpoint: inject('s3Endpoint'),
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Creates the described tables under unique names, so test files never see each other's data. */
export async function freshTables(tables: readonly TableDescription[]): Promise<Record<string, string>> {
  const suffix = randomUUID().slice(0, 8);
  const names = Object.fromEntries(tables.map((table) => [table.id, `${table.id}-${suffix}`]));
  await ensureTables(localDynamoDb(), tables, (id) => names[id]!);
  return names;
}

/** Fresh tables for these services and for reference data, seeded with the demo communes, procedures and holidays. */
export async function freshTablesWithReferenceData(tables: readonly TableDescription[]): Promise<Record<string, string>> {
  const names = await freshTables([...(referenceDataService.tables ?? []), ...tables]);
  await new DynamoDbReferenceDataRepository(localDocumentClient(), names.reference!).seedOnce({
    communes: DEMO_COMMUNES,
    procedures: DEMO_PROCEDURES,
    fixedHolidayRules: FIXED_HOLIDAY_RULES,
  });
  return names;
}
