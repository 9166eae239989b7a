// Counts the DynamoDB requests and the capacity they consume, per label (a route), with an SDK middleware on the
// platform's one DynamoDB client. Labels follow the async context, so work a request does not own (the local
// workflows running in the same process) is never charged to it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** What one labelled piece of work asked of DynamoDB. */
export interface DynamoDbUsage {
  requests: number;
  /** Requests by operation name (`GetItem`, `TransactWriteItems`, `Scan`...). */
  readonly operations: Record<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
}

export const emptyUsage = (): DynamoDbUsage => ({ requests: 0, operations: {}, readCapacityUnits: 0, writeCapacityUnits: 0 });

// Operations that accept ReturnConsumedCapacity; the others (DescribeTable...) are sent as they are.
const CAPACITY_OPERATIONS = new Set([
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems',
  'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction',
]);

const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/**
 * Adds what a response reports. With `INDEXES`, DynamoDB (and DynamoDB Local) gives one `CapacityUnits` figure per
 * table, its global secondary indexes' writes included (DynamoDB Local leaves them out of `TOTAL`), read or write
 * units by the kind of operation; a split, when present, is taken as it is.
 */
function addCapacity(usage: DynamoDbUsage, operation: string, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      usage.readCapacityUnits += entry.ReadCapacityUnits ?? 0;
      usage.writeCapacityUnits += entry.WriteCapacityUnits ?? 0;
    } else if (READ_OPERATIONS.has(operation)) usage.readCapacityUnits += entry.CapacityUnits ?? 0;
    else usage.writeCapacityUnits += entry.CapacityUnits ?? 0;
  }
}

export class DynamoDbMeter {
  readonly #label = new AsyncLocalStorage<DynamoDbUsage>();

  /** Runs `work` with every DynamoDB request it makes, however deep, added to `usage`. */
  measure<T>(usage: DynamoDbUsage, work: () => Promise<T>): Promise<T> {
    return this.#label.run(usage, work);
  }

  /** Adds the counting middleware to a client (and to the document clients built on it, which share its stack). */
  attach(client: DynamoDBClient): void {
    const label = this.#label;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const usage = label.getStore();
        if (!usage) return next(args);
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const input = args.input as { ReturnConsumedCapacity?: string };
        if (CAPACITY_OPERATIONS.has(operation)) input.ReturnConsumedCapacity ??= 'INDEXES';
        usage.requests += 1;
        usage.operations[operation] = (usage.operations[operation] ?? 0) + 1;
        const result = await next(args);
        addCapacity(usage, operation, (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity);
        return result;
      },
      { step: 'initialize', name: 'raqmanaBenchDynamoDbMeter', override: true },
    );
  }
}
