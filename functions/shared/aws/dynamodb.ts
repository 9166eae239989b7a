// The DynamoDB document client, created once per module. Its endpoint comes from the standard
// AWS_ENDPOINT_URL_DYNAMODB variable, which the local platform points at DynamoDB Local.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableEnvName } from '../service-description.ts';

export const dynamodbClient = new DynamoDBClient({});

export const dynamodb = DynamoDBDocumentClient.from(dynamodbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

/** The physical name of a table of the platform, passed by the stack (or the local platform) in the environment. */
export function tableName(tableId: string): string {
  const name = process.env[tableEnvName(tableId)];
  if (!name) throw new Error(`Environment variable ${tableEnvName(tableId)} is not set`);
  return name;
}
