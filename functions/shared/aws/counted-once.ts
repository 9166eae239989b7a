// Counters a consumer adds an event's counts to, once: a marker of the event is written in the same transaction as
// the counters' update, so a redelivered event finds its marker and adds nothing. Used by every context that keeps
// figures from events (permits, complaints, access to information, the open data fed by the permits); never in a
// citizen's transaction, since a figures item is the busiest item of its commune.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { transactWrite } from './transact-write.ts';

type Key = Readonly<Record<string, string>>;

export interface CountsOnce {
  /** The marker item's key, derived from the event's id; it expires at `markerExpiresAt` (epoch seconds). */
  readonly marker: Key;
  readonly markerExpiresAt: number;
  /** The counters' item. */
  readonly counters: Key;
  /** Each counter attribute and what it adds. */
  readonly additions: Readonly<Record<string, number>>;
  /** Attributes set on the counters' item as they are (what it is the figures of). */
  readonly set: Readonly<Record<string, unknown>>;
}

/** Adds the counts, or nothing when the event's marker is there (a redelivery): which of the two happened. */
export async function addCountsOnce(client: DynamoDBDocumentClient, table: string, counts: CountsOnce): Promise<'counted' | 'already-counted'> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const additions = Object.entries(counts.additions).map(([attribute, amount], position) => {
    names[`#a${position}`] = attribute;
    values[`:a${position}`] = amount;
    return `#a${position} :a${position}`;
  });
  const sets = Object.entries(counts.set).map(([attribute, value], position) => {
    names[`#s${position}`] = attribute;
    values[`:s${position}`] = value;
    return `#s${position} = :s${position}`;
  });
  try {
    await transactWrite(
      client,
      [
        { Put: { TableName: table, Item: { ...counts.marker, expiresAt: counts.markerExpiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: table,
            Key: counts.counters,
            UpdateExpression: [additions.length > 0 ? `ADD ${additions.join(', ')}` : '', sets.length > 0 ? `SET ${sets.join(', ')}` : ''].join(' ').trim(),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
      (cancellation) => new AlreadyCounted(cancellation),
    );
    return 'counted';
  } catch (error) {
    if (error instanceof AlreadyCounted) return 'already-counted';
    throw error;
  }
}

/** Each of the counters named, by one. */
export const oneEach = (counters: readonly string[]): Readonly<Record<string, number>> => Object.fromEntries(counters.map((counter) => [counter, 1]));

class AlreadyCounted extends Error {
  constructor(cause: unknown) {
    super('event counted already', { cause });
  }
}
