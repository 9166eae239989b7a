// BatchGetItem until every key is read: DynamoDB may leave keys unprocessed (throttling, the 16 MB response limit)
// and hands them back with their table's settings (ConsistentRead, projection), to be asked again as they are.
import { BatchGetCommand, type BatchGetCommandInput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** The items found, by table; a key that matches no item is absent, as from BatchGetItem itself. */
export async function batchGetEvery(client: DynamoDBDocumentClient, requestItems: NonNullable<BatchGetCommandInput['RequestItems']>): Promise<Record<string, Item[]>> {
  const found: Record<string, Item[]> = {};
  let pending = requestItems;
  while (Object.keys(pending).length > 0) {
    const output = await client.send(new BatchGetCommand({ RequestItems: pending }));
    for (const [table, items] of Object.entries(output.Responses ?? {})) (found[table] ??= []).push(...items);
    pending = Object.fromEntries(Object.entries(output.UnprocessedKeys ?? {}).filter(([, unprocessed]) => (unprocessed.Keys ?? []).length > 0));
  }
  return found;
}
