// Counts the DynamoDB requests and the capacity they consume, per label (a route), with an SDK middleware on the
// platform's one DynamoDB client. Labels follow the async context, so work a request does not own (the local
// workflows running in the same process) is never charged to it.
//
// A transaction's table writes are counted here as DynamoDB bills them, not as DynamoDB Local reports them: Local
// adds up each distinct per-item figure once (three small items in one transaction: 2 units, where DynamoDB bills
// 2 per item, 6), so its figure hides every item but the largest of each size. Each written item is billed twice
// its kilobytes, at the larger of its size before and after; the sizes are read around the transaction, outside
// the label. Index writes are taken as Local reports them, per index.
//
// A change whose record carries its events (outbox.ts) leaves part of its writing to the consumers of those events
// (a permit's history entry). The meter notes the events each labelled write carries, and `consumerOf` charges
// what a consumer asks of DynamoDB for one of them to the call that wrote it, per consuming function.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DescribeTableCommand, GetItemCommand, type AttributeValue, type ConsumedCapacity, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { itemSize, writeUnitsForBytes } from './item-size.ts';
import { CARRIED_EVENTS_ATTRIBUTE, OUTBOX_EVENT_ATTRIBUTE } from '../../functions/shared/events/outbox.ts';

/** What one labelled piece of work asked of DynamoDB. */
export interface DynamoDbUsage {
  requests: number;
  /** Requests by operation name (`GetItem`, `TransactWriteItems`, `Scan`...). */
  readonly operations: Record<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  /** What each consumer asked of DynamoDB for the events this work emitted, by function id. */
  readonly consumers: Record<string, DynamoDbUsage>;
}

export const emptyUsage = (): DynamoDbUsage => ({ requests: 0, operations: {}, readCapacityUnits: 0, writeCapacityUnits: 0, consumers: {} });

type WireItem = Record<string, AttributeValue>;

/** The ids of the domain events a written item (wire form) carries: an outbox item's, or a record's own. */
export function carriedEventIds(item: WireItem | undefined): string[] {
  const carried = item?.[CARRIED_EVENTS_ATTRIBUTE]?.S;
  if (carried !== undefined) return (JSON.parse(carried) as { id: string }[]).map((event) => event.id);
  const outboxEvent = item?.[OUTBOX_EVENT_ATTRIBUTE]?.M?.id?.S;
  return outboxEvent ? [outboxEvent] : [];
}

const SINGLE_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

interface SingleWriteInput {
  readonly TableName?: string;
  readonly Item?: WireItem;
  readonly Key?: WireItem;
}

/** The items a request writes whole (PutItem, or the Puts of a transaction), in wire form. */
function putItems(input: { Item?: WireItem; TransactItems?: TransactWriteItem[] }): WireItem[] {
  if (input.Item) return [input.Item];
  return (input.TransactItems ?? []).flatMap((entry) => (entry.Put?.Item ? [entry.Put.Item as WireItem] : []));
}

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
function addCapacity(
  usage: DynamoDbUsage,
  operation: string,
  consumed: ConsumedCapacity | ConsumedCapacity[] | undefined,
  billedTableUnits: ReadonlyMap<string, number> = new Map(),
): void {
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    const counted = entry.TableName === undefined ? undefined : billedTableUnits.get(entry.TableName);
    if (counted !== undefined) {
      const indexUnits = Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
      usage.writeCapacityUnits += counted + indexUnits;
    } else if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      usage.readCapacityUnits += entry.ReadCapacityUnits ?? 0;
      usage.writeCapacityUnits += entry.WriteCapacityUnits ?? 0;
    } else if (READ_OPERATIONS.has(operation)) usage.readCapacityUnits += entry.CapacityUnits ?? 0;
    else usage.writeCapacityUnits += entry.CapacityUnits ?? 0;
  }
}

/** The table and key of the item a transaction entry writes; undefined for a condition check, which writes nothing. */
function writtenItem(entry: TransactWriteItem, keyNames: (table: string) => Promise<readonly string[]>) {
  if (entry.Put) {
    const { TableName, Item } = entry.Put;
    return { table: TableName!, written: Item!, key: keyNames(TableName!).then((names) => Object.fromEntries(names.map((name) => [name, Item![name]!]))) };
  }
  const target = entry.Update ?? entry.Delete;
  return target ? { table: target.TableName!, key: Promise.resolve(target.Key!), written: undefined } : undefined;
}

export class DynamoDbMeter {
  readonly #label = new AsyncLocalStorage<DynamoDbUsage>();
  readonly #keyNames = new Map<string, Promise<readonly string[]>>();
  /** Event id → the work whose write carried it (measured work only, consumers' own events excepted). */
  readonly #causes = new Map<string, DynamoDbUsage>();
  readonly #consumerUsages = new WeakSet<DynamoDbUsage>();

  /** Runs `work` with every DynamoDB request it makes, however deep, added to `usage`. */
  measure<T>(usage: DynamoDbUsage, work: () => Promise<T>): Promise<T> {
    return this.#label.run(usage, work);
  }

  /**
   * Runs a consumer's handling of one event: what it asks of DynamoDB is charged to the work that emitted the event,
   * under the consumer's function id; an event no measured work emitted is handled unmeasured.
   */
  consumerOf<T>(functionId: string, eventId: string, work: () => Promise<T>): Promise<T> {
    const cause = this.#causes.get(eventId);
    if (!cause) return this.#label.exit(work);
    const usage = (cause.consumers[functionId] ??= emptyUsage());
    this.#consumerUsages.add(usage);
    return this.#label.run(usage, work);
  }

  #keyNamesOf(client: DynamoDBClient, table: string): Promise<readonly string[]> {
    if (!this.#keyNames.has(table)) {
      const described = this.#label.exit(() => client.send(new DescribeTableCommand({ TableName: table })));
      this.#keyNames.set(table, described.then(({ Table }) => (Table?.KeySchema ?? []).map((element) => element.AttributeName!)));
    }
    return this.#keyNames.get(table)!;
  }

  /**
   * The write units of one PutItem, UpdateItem or DeleteItem, DynamoDB's way: 1 per started KB of the item, at the
   * larger of its sizes before and after (DynamoDB Local may take the new size alone).
   */
  async #billSingleWrite(client: DynamoDBClient, input: SingleWriteInput, send: () => Promise<unknown>): Promise<{ result: unknown; units: Map<string, number> }> {
    const table = input.TableName!;
    const key = input.Key ?? Object.fromEntries((await this.#keyNamesOf(client, table)).map((name) => [name, input.Item![name]!]));
    const sizeNow = async () => {
      const { Item } = await this.#label.exit(() => client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true })));
      return Item ? itemSize(Item) : 0;
    };
    const before = await sizeNow();
    const result = await send();
    const after = input.Item ? itemSize(input.Item) : await sizeNow();
    return { result, units: new Map([[table, writeUnitsForBytes(Math.max(before, after))]]) };
  }

  /** The write units of a transaction's items per table, DynamoDB's way; `send` runs the transaction. */
  async #billTransaction(client: DynamoDBClient, entries: readonly TransactWriteItem[], send: () => Promise<unknown>): Promise<{ result: unknown; units: Map<string, number> }> {
    const unlabelled = <T>(work: () => Promise<T>) => this.#label.exit(work);
    const keyNames = (table: string) => {
      if (!this.#keyNames.has(table)) {
        const described = unlabelled(() => client.send(new DescribeTableCommand({ TableName: table })));
        this.#keyNames.set(table, described.then(({ Table }) => (Table?.KeySchema ?? []).map((element) => element.AttributeName!)));
      }
      return this.#keyNames.get(table)!;
    };
    const sizeNow = async (table: string, key: Record<string, AttributeValue>) => {
      const { Item } = await unlabelled(() => client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true })));
      return Item ? itemSize(Item) : 0;
    };
    const writes = entries.flatMap((entry) => writtenItem(entry, keyNames) ?? []);
    const before = await Promise.all(writes.map(async (write) => sizeNow(write.table, await write.key)));
    const result = await send();
    const units = new Map<string, number>();
    for (const [index, write] of writes.entries()) {
      const after = write.written ? itemSize(write.written) : await sizeNow(write.table, await write.key);
      units.set(write.table, (units.get(write.table) ?? 0) + 2 * writeUnitsForBytes(Math.max(before[index]!, after)));
    }
    return { result, units };
  }

  /** Adds the counting middleware to a client (and to the document clients built on it, which share its stack). */
  attach(client: DynamoDBClient): void {
    const label = this.#label;
    // At the build step the input is in DynamoDB's wire form, whichever client (plain or document) sent it.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const entries = (args.input as { TransactItems?: TransactWriteItem[] }).TransactItems;
        const usage = label.getStore();
        if (usage && !this.#consumerUsages.has(usage)) {
          for (const item of putItems(args.input as { Item?: WireItem; TransactItems?: TransactWriteItem[] })) {
            for (const eventId of carriedEventIds(item)) this.#causes.set(eventId, usage);
          }
        }
        if (usage && SINGLE_WRITES.has(context.commandName ?? '')) {
          const { result, units } = await this.#billSingleWrite(client, args.input as SingleWriteInput, () => next(args));
          (context as { billedTableUnits?: Map<string, number> }).billedTableUnits = units;
          return result as Awaited<ReturnType<typeof next>>;
        }
        if (!usage || context.commandName !== 'TransactWriteItemsCommand' || !entries) return next(args);
        const { result, units } = await this.#billTransaction(client, entries, () => next(args));
        (context as { billedTableUnits?: Map<string, number> }).billedTableUnits = units;
        return result as Awaited<ReturnType<typeof next>>;
      },
      { step: 'build', name: 'raqmanaBenchTransactionBilling', override: true },
    );
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
        const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
        addCapacity(usage, operation, consumed, (context as { billedTableUnits?: Map<string, number> }).billedTableUnits);
        return result;
      },
      { step: 'initialize', name: 'raqmanaBenchDynamoDbMeter', override: true },
    );
  }
}
