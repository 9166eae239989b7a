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

/**
 * Every item a Query matches, page after page: for reads that total or count what they find (figures, an overdue
 * list, the communes' map), where a page of the caller's choosing would give a wrong answer.
 */
export async function queryEveryPage(client: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A global secondary index of a table keyed by `pk`/`sk`, as the service descriptions declare it. */
export interface IndexKeys {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

export interface IndexPartitionQuery {
  readonly table: string;
  readonly index: IndexKeys;
  /** The index partition to list. */
  readonly partition: string;
  readonly page: PagedQuery['page'];
  /** Descending sort-key order (newest first for a date). */
  readonly descending?: boolean;
  /** Only items whose index sort key is below this value. */
  readonly sortKeyBelow?: string;
  /** Only items whose index sort key is at or above this value (not with `sortKeyBelow`). */
  readonly sortKeyFrom?: string;
  /** Attributes to read, when fewer than all are needed. */
  readonly attributes?: readonly string[];
}

/** One page of one partition of an index, the commonest list of all. */
export function pagedIndexQuery<T>(client: DynamoDBDocumentClient, query: IndexPartitionQuery, map: (item: Record<string, unknown>) => T): Promise<Page<T>> {
  const { index } = query;
  if (query.sortKeyBelow !== undefined && query.sortKeyFrom !== undefined) throw new Error('A sort-key range has one bound here: sortKeyBelow or sortKeyFrom');
  const bound =
    index.sortKey === undefined
      ? undefined
      : query.sortKeyBelow !== undefined
        ? { condition: '#sk < :bound', value: query.sortKeyBelow }
        : query.sortKeyFrom !== undefined
          ? { condition: '#sk >= :bound', value: query.sortKeyFrom }
          : undefined;
  const names: Record<string, string> = { '#pk': index.partitionKey, ...(bound && { '#sk': index.sortKey! }) };
  query.attributes?.forEach((attribute, position) => (names[`#a${position}`] = attribute));
  return pagedQuery(
    client,
    {
      input: {
        TableName: query.table,
        IndexName: index.name,
        KeyConditionExpression: bound ? `#pk = :pk AND ${bound.condition}` : '#pk = :pk',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':pk': query.partition, ...(bound && { ':bound': bound.value }) },
        ...(query.attributes && { ProjectionExpression: query.attributes.map((_, position) => `#a${position}`).join(', ') }),
        ...(query.descending && { ScanIndexForward: false }),
      },
      page: query.page,
      keyAttributes: ['pk', 'sk', index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])],
      partition: { [index.partitionKey]: query.partition },
    },
    map,
  );
}

/**
 * One page of the items of a `pk` partition whose `sk` starts with a prefix (an entity's history, its events), in
 * sort-key order or, `descending`, newest first (a log of reads, a settings' versions).
 */
export function pagedPrefixQuery<T>(
  client: DynamoDBDocumentClient,
  query: { readonly table: string; readonly pk: string; readonly skPrefix: string; readonly page: PagedQuery['page']; readonly descending?: boolean },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  return pagedQuery(
    client,
    {
      input: {
        TableName: query.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': query.pk, ':prefix': query.skPrefix },
        ...(query.descending && { ScanIndexForward: false }),
      },
      page: query.page,
      keyAttributes: ['pk', 'sk'],
      partition: { pk: query.pk },
    },
    map,
  );
}

/**
 * A page of a history whose entries (sort keys `<skPrefix><zero-padded version>`) are written from their change's
 * event, a moment after the change: the last page ends with `latest` (the latest change's entry, which the changed
 * record carries) while that entry is not stored yet.
 */
export function withLatestEntry<T extends { readonly version: number }>(
  stored: Page<T>,
  query: { readonly pk: string; readonly skPrefix: string; readonly cursor?: string },
  latest: T | undefined,
): Page<T> {
  if (!latest || stored.nextCursor !== undefined) return stored;
  // An empty last page follows the entry its cursor names.
  const startSk = query.cursor === undefined ? '' : String(decodeCursor(query.cursor, ['pk', 'sk'], { pk: query.pk })?.sk ?? '');
  const lastShown = stored.items.at(-1)?.version ?? (startSk.startsWith(query.skPrefix) ? Number(startSk.slice(query.skPrefix.length)) : 0);
  return latest.version > lastShown ? { items: [...stored.items, latest] } : stored;
}
