// BatchWriteItem of unconditional puts until every item is written: DynamoDB may leave items unprocessed
// (throttling) and hands them back to be sent again; 25 items a request at most.
import { setTimeout as delay } from 'node:timers/promises';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

const ITEMS_PER_REQUEST = 25;
const BASE_BACKOFF_MS = 20;

/** Puts every item in `table` (each a whole item: a put of the same content twice writes it once). */
export async function batchPutEvery(client: DynamoDBDocumentClient, table: string, items: readonly Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += ITEMS_PER_REQUEST) {
    let pending = items.slice(start, start + ITEMS_PER_REQUEST).map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await delay(BASE_BACKOFF_MS * 2 ** Math.min(attempt - 1, 6));
      const output = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (output.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}
