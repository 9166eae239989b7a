// The DynamoDB document client, created once per module. Its endpoint comes from the standard
// AWS_ENDPOINT_URL_DYNAMODB variable, which the local platform points at DynamoDB Local.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamodbClient = new DynamoDBClient({});

export const dynamodb = DynamoDBDocumentClient.from(dynamodbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export { tableName, tableNameWhenRead } from './environment.ts';
