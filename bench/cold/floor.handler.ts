// The floor every function's cold start is compared with: the least a function that answers from DynamoDB
// must do — create the raw DynamoDB client and make one GetItem — bundled and started as the functions are.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const dynamodb = new DynamoDBClient({});

export async function handler() {
  const { Item } = await dynamodb.send(
    new GetItemCommand({ TableName: process.env.FLOOR_TABLE, Key: { pk: { S: 'floor' }, sk: { S: 'floor' } } }),
  );
  return { statusCode: Item ? 200 : 404 };
}
