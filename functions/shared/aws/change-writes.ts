// How a context with an append-only history writes a change of one of its records, in a transaction: the record
// over the version it was read at (or over nothing when it is new), so that of two writers who read the same version
// one wins and the other's transaction is cancelled; and the change's history event, which is never overwritten.
type Item = Record<string, unknown>;

/** The condition the record is written on: a DynamoDB condition expression and its values. */
export interface WriteCondition {
  readonly expression: string;
  readonly values?: Item;
}

/** The record is new: nothing is stored under its key yet. */
export const NEW_RECORD: WriteCondition = { expression: 'attribute_not_exists(pk)' };

/** The record stored is still the version before `version`, the one the change was made from. */
export const followsVersion = (version: number): WriteCondition => ({ expression: 'version = :previous', values: { ':previous': version - 1 } });

/** The two writes of a change: the record on `condition`, and its history event. */
export function changeWrites(table: string, record: Item, event: Item, condition: WriteCondition) {
  return [
    {
      Put: {
        TableName: table,
        Item: record,
        ConditionExpression: condition.expression,
        ...(condition.values && { ExpressionAttributeValues: condition.values }),
      },
    },
    { Put: { TableName: table, Item: event, ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}
