// One page of a DynamoDB Query behind an opaque cursor: the cursor is checked to stay in the partition asked
// for (see ../http/pagination.ts) before it goes back to DynamoDB as the ExclusiveStartKey.
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../http/pagination.ts';

export interface PagedQuery {
  /** The Query without its Limit and ExclusiveStartKey. */
  readonly input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  readonly page: { readonly limit: number; readonly cursor?: string };
  /** Key attributes of a LastEvaluatedKey here: the table's, plus the index's when querying an index. */
  readonly keyAttributes: readonly string[];
  /** The partition being listed, as attribute → value; a cursor from any other partition is refused. */
  readonly partition: Readonly<Record<string, string>>;
}

export async function pagedQuery<T>(client: DynamoDBDocumentClient, query: PagedQuery, map: (item: Record<string, unknown>) => T): Promise<Page<T>> {
  const output = await client.send(
    new QueryCommand({
      ...query.input,
      Limit: query.page.limit,
      ExclusiveStartKey: decodeCursor(query.page.cursor, query.keyAttributes, query.partition),
    }),
  );
  const nextCursor = encodeCursor(output.LastEvaluatedKey);
  return { items: (output.Items ?? []).map(map), ...(nextCursor && { nextCursor }) };
}
