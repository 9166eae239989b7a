// Counters that follow events delivered at least once: each event's additions are written with a marker of the
// event, in one transaction conditional on the marker being new, so a redelivered event adds nothing. Used by every
// context that counts another change out of its transaction (the permits' figures, the transparency open data).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { transactWrite } from './transact-write.ts';

class AlreadyCounted extends Error {}

export interface AddOnce {
  readonly table: string;
  /** The key of the event's marker, with what it keeps (its `expiresAt`). */
  readonly marker: Readonly<Record<string, unknown>>;
  /** The item the counters are added to. */
  readonly key: Readonly<Record<string, unknown>>;
  /** Attribute names each increased by one. */
  readonly add: readonly string[];
  /** Attributes set on the counted item as well (what its indexes and readers need). */
  readonly set?: Readonly<Record<string, unknown>>;
}

export async function addOnce(client: DynamoDBDocumentClient, input: AddOnce): Promise<'counted' | 'already-counted'> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':one': 1 };
  const additions = input.add.map((attribute, position) => {
    names[`#a${position}`] = attribute;
    return `#a${position} :one`;
  });
  const settings = Object.entries(input.set ?? {}).map(([attribute, value], position) => {
    names[`#s${position}`] = attribute;
    values[`:s${position}`] = value;
    return `#s${position} = :s${position}`;
  });
  try {
    await transactWrite(
      client,
      [
        { Put: { TableName: input.table, Item: input.marker, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: input.table,
            Key: input.key,
            UpdateExpression: `ADD ${additions.join(', ')}${settings.length > 0 ? ` SET ${settings.join(', ')}` : ''}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
      () => new AlreadyCounted(),
    );
    return 'counted';
  } catch (error) {
    if (error instanceof AlreadyCounted) return 'already-counted';
    throw error;
  }
}
