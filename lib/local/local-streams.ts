// The local platform's Lambda poller for DynamoDB streams: it reads the real DynamoDB Local Streams API shard by
// shard, applies each subscription's filter pattern, invokes the consuming function in process with a batch of
// records, honours its partial batch response (retrying from the first failed record), and after the last attempt
// sets the record aside as a dead letter, as the on-failure destination does in AWS. Each subscription keeps its
// own position per shard, on disk, so a restart goes on where it stopped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { outboxFilterPattern } from '../../functions/shared/events/outbox-filter.ts';
import type { EventSubscription, ServiceDescription } from '../../functions/shared/service-description.ts';
import { matchesFilterPattern } from './event-filter.ts';
import { lambdaContext, type LocalFunctionHandler } from './local-workflows.ts';
import type { VirtualClock } from './virtual-clock.ts';

/** Attempts of a failing record before it becomes a dead letter (the event source mapping's retries). */
const ATTEMPTS_PER_RECORD = 3;
const DEFAULT_BATCH_SIZE = 10;
/** How often the poller looks for new records while nothing else asks it to (Lambda polls each shard about 4 times a second). */
const POLL_INTERVAL_MS = 250;

interface Subscription extends EventSubscription {
  readonly functionId: string;
  readonly pattern: Readonly<Record<string, unknown>>;
}

export interface DeadLetter {
  readonly functionId: string;
  readonly tableId: string;
  readonly sequenceNumber: string;
  readonly attempts: number;
  readonly record: StreamRecord;
}

export interface LocalStreamsOptions {
  readonly clock: VirtualClock;
  readonly dynamodb: DynamoDBClient;
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly tableName: (tableId: string) => string;
  readonly resolveFunction: (functionId: string) => LocalFunctionHandler;
  /** Where each subscription's position in each shard is kept across restarts. */
  readonly checkpointFile: string;
  /** Where records that failed every attempt are kept. */
  readonly deadLetterFile: string;
}

/** The subscriptions of every function of the services, with the filter pattern each one's mapping applies. */
export function subscriptionsOf(services: readonly ServiceDescription[]): Subscription[] {
  return services.flatMap((service) =>
    service.functions.flatMap((fn) => (fn.consumes ?? []).map((subscription) => ({ ...subscription, functionId: fn.id, pattern: outboxFilterPattern(subscription) }))),
  );
}

export class LocalStreams {
  readonly #options: LocalStreamsOptions;
  readonly #subscriptions: readonly Subscription[];
  readonly #client: DynamoDBStreamsClient;
  /** `<functionId>|<streamArn>|<shardId>` → the last sequence number handled (or passed over by the filter). */
  readonly #checkpoints: Map<string, string>;
  readonly #iterators = new Map<string, string>();
  /** Closed shards read to their end, per subscription. */
  readonly #finished = new Set<string>();
  readonly #failures = new Map<string, number>();
  readonly #deadLetters: DeadLetter[];
  #draining: Promise<boolean> = Promise.resolve(false);
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: LocalStreamsOptions, services: readonly ServiceDescription[]) {
    this.#options = options;
    this.#subscriptions = subscriptionsOf(services);
    this.#client = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials: options.credentials });
    this.#checkpoints = new Map(existsSync(options.checkpointFile) ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as [string, string][]) : []);
    this.#deadLetters = existsSync(options.deadLetterFile) ? (JSON.parse(readFileSync(options.deadLetterFile, 'utf8')) as DeadLetter[]) : [];
  }

  get subscriptionCount(): number {
    return this.#subscriptions.length;
  }

  /** Records that failed every attempt, oldest first. */
  get deadLetters(): readonly DeadLetter[] {
    return this.#deadLetters;
  }

  /** Polls in the background, as Lambda's poller does, until `stop`. */
  start(): void {
    if (this.#subscriptions.length === 0) return;
    const poll = () => {
      if (this.#stopped) return;
      this.drain().then(
        () => (this.#timer = setTimeout(poll, POLL_INTERVAL_MS)),
        (error: unknown) => {
          if (this.#stopped) return;
          console.error('local stream poller:', error);
          this.#timer = setTimeout(poll, POLL_INTERVAL_MS);
        },
      );
    };
    poll();
  }

  /**
   * Reads every stream until a pass finds nothing new for any subscription; resolves whether anything was
   * delivered (or failed). Passes never overlap: a call made during one waits for it.
   */
  drain(): Promise<boolean> {
    const run = this.#draining.then(async () => {
      let worked = false;
      while (!this.#stopped && (await this.#pass())) worked = true;
      return worked;
    });
    this.#draining = run.catch(() => false);
    return run;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#draining;
    this.#client.destroy();
  }

  async #pass(): Promise<boolean> {
    let worked = false;
    const tableIds = [...new Set(this.#subscriptions.map((subscription) => subscription.tableId))];
    for (const tableId of tableIds) {
      const subscriptions = this.#subscriptions.filter((subscription) => subscription.tableId === tableId);
      const streamArn = await this.#streamArn(tableId);
      for (const shard of await this.#shards(streamArn)) {
        for (const subscription of subscriptions) {
          if (await this.#readShard(subscription, streamArn, shard)) worked = true;
        }
      }
    }
    return worked;
  }

  async #streamArn(tableId: string): Promise<string> {
    const { Table } = await this.#options.dynamodb.send(new DescribeTableCommand({ TableName: this.#options.tableName(tableId) }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${tableId} has subscribers but no stream: declare it with outbox: true`);
    return Table.LatestStreamArn;
  }

  /** The stream's shards, parents before their children (a child's records follow its parent's). */
  async #shards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.#client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    const ids = new Set(shards.map((shard) => shard.ShardId));
    const ordered: Shard[] = [];
    const visit = (shard: Shard) => {
      if (ordered.includes(shard)) return;
      const parent = shards.find((candidate) => candidate.ShardId === shard.ParentShardId);
      if (parent && ids.has(parent.ShardId)) visit(parent);
      ordered.push(shard);
    };
    shards.forEach(visit);
    return ordered;
  }

  async #iterator(position: string, streamArn: string, shardId: string): Promise<string | undefined> {
    const cached = this.#iterators.get(position);
    if (cached) return cached;
    const after = this.#checkpoints.get(position);
    const { ShardIterator } = await this.#client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  /** Delivers what the shard holds after the subscription's position; resolves whether anything was delivered. */
  async #readShard(subscription: Subscription, streamArn: string, shard: Shard): Promise<boolean> {
    const position = `${subscription.functionId}|${streamArn}|${shard.ShardId}`;
    if (this.#finished.has(position)) return false;
    const iterator = await this.#iterator(position, streamArn, shard.ShardId!);
    if (!iterator) {
      this.#finished.add(position);
      return false;
    }
    let output;
    try {
      output = await this.#client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    } catch (error) {
      // An iterator lives 15 minutes; a record older than the stream's retention is gone: start again from the checkpoint.
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        this.#iterators.delete(position);
        return false;
      }
      throw error;
    }
    const records = output.Records ?? [];
    if (output.NextShardIterator) this.#iterators.set(position, output.NextShardIterator);
    else {
      this.#iterators.delete(position);
      if (records.length === 0) this.#finished.add(position);
    }
    if (records.length === 0) return false;

    const batchSize = subscription.batchSize ?? DEFAULT_BATCH_SIZE;
    let delivered = false;
    let pending: StreamRecord[] = [];
    const flush = async (): Promise<boolean> => {
      if (pending.length === 0) return true;
      const batch = pending;
      pending = [];
      delivered = true;
      return this.#deliver(subscription, position, streamArn, batch);
    };
    for (const record of records) {
      if (matchesFilterPattern(subscription.pattern, record)) {
        pending.push(record);
        if (pending.length === batchSize && !(await flush())) return true;
      } else if (pending.length === 0) {
        // A record the filter passes over is consumed, as in AWS: the position moves past it.
        this.#advance(position, record.dynamodb!.SequenceNumber!);
      }
    }
    if (!(await flush())) return true;
    this.#advance(position, records.at(-1)!.dynamodb!.SequenceNumber!);
    return delivered;
  }

  /** Invokes the function with one batch; false when it failed, so the shard is read again from its checkpoint. */
  async #deliver(subscription: Subscription, position: string, streamArn: string, batch: StreamRecord[]): Promise<boolean> {
    const handler = this.#options.resolveFunction(subscription.functionId);
    const event = { Records: batch.map((record) => ({ ...record, eventSourceARN: streamArn })) };
    let failedAt: string | undefined;
    try {
      const response = (await this.#options.clock.runTracked(() => handler(event, lambdaContext(subscription.functionId)))) as DynamoDBBatchResponse | undefined;
      failedAt = response?.batchItemFailures?.[0]?.itemIdentifier;
    } catch {
      // A function that throws fails its whole batch.
      failedAt = batch[0]!.dynamodb!.SequenceNumber!;
    }
    if (failedAt === undefined) {
      this.#advance(position, batch.at(-1)!.dynamodb!.SequenceNumber!);
      return true;
    }
    const failedIndex = Math.max(0, batch.findIndex((record) => record.dynamodb?.SequenceNumber === failedAt));
    if (failedIndex > 0) this.#advance(position, batch[failedIndex - 1]!.dynamodb!.SequenceNumber!);
    const failure = `${position}|${failedAt}`;
    const attempts = (this.#failures.get(failure) ?? 0) + 1;
    this.#failures.set(failure, attempts);
    if (attempts >= ATTEMPTS_PER_RECORD) {
      this.#failures.delete(failure);
      this.#deadLetters.push({ functionId: subscription.functionId, tableId: subscription.tableId, sequenceNumber: failedAt, attempts, record: batch[failedIndex]! });
      writeFileSync(this.#options.deadLetterFile, JSON.stringify(this.#deadLetters));
      console.error(`local stream poller: ${subscription.functionId} failed record ${failedAt} of ${subscription.tableId} ${attempts} times; set aside as a dead letter`);
      this.#advance(position, failedAt);
    }
    this.#iterators.delete(position);
    return false;
  }

  #advance(position: string, sequenceNumber: string): void {
    this.#checkpoints.set(position, sequenceNumber);
    writeFileSync(this.#options.checkpointFile, JSON.stringify([...this.#checkpoints]));
  }
}
