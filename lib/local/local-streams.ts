// The local platform's event fan-out, as AWS runs it: each outbox table's stream is read once (the router's event
// source mapping), shard by shard, through the real DynamoDB Local Streams API; each new outbox event becomes the
// message the router publishes to the table's topic, and goes to the queue of every consumer whose subscription
// takes its type (the topic's filter policies). Each consumer's queue is then delivered on its own, in order, with
// the SQS records Lambda hands it, honouring its partial batch response; a message received the last time is set
// aside as a dead letter, as the queue's redrive policy does. A failing consumer holds up only its own queue.
// The table positions (per stream and shard), the queued messages and the dead letters are on disk, so a restart
// goes on where it stopped.
import { randomUUID } from 'node:crypto';
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
import type { DynamoDBRecord, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { consumerBatchSize, eventMessage, type EventMessage } from '../../functions/shared/events/event-message.ts';
import { EVENT_TYPE_MESSAGE_ATTRIBUTE, outboxRecordFilterPatterns, subscriptionFilterPolicy } from '../../functions/shared/events/outbox-filter.ts';
import { eventsOfRecord } from '../../functions/shared/events/stream-records.ts';
import type { EventSubscription, ServiceDescription } from '../../functions/shared/service-description.ts';
import { matchesFilterPattern } from './event-filter.ts';
import { lambdaContext, type LocalFunctionHandler } from './local-workflows.ts';
import { localQueueArn, queueRecord } from './queue-records.ts';
import type { VirtualClock } from './virtual-clock.ts';

/** Receives of a message before it becomes a dead letter (the queue's maxReceiveCount; 10 in AWS). */
const RECEIVES_PER_MESSAGE = 3;
/** How often the reader looks for new records while nothing else asks it to (Lambda polls each shard about 4 times a second). */
const POLL_INTERVAL_MS = 250;
const ROUTER_PATTERNS = outboxRecordFilterPatterns();
/** How long a stream's list of shards is taken as it is (a closed shard read to its end looks it up again at once). */
const SHARD_LIST_MAX_AGE_MS = 1000;

interface Consumer {
  readonly functionId: string;
  readonly queueArn: string;
  readonly batchSize: number;
  /** The consumer's subscriptions, each with the filter policy of its subscription to the table's topic. */
  readonly subscriptions: readonly (EventSubscription & { readonly filterPolicy: Readonly<Record<string, unknown>> })[];
}

/** A message in a consumer's queue. */
interface QueuedMessage {
  readonly messageId: string;
  readonly tableId: string;
  /** The stream record it came from. */
  readonly sequenceNumber: string;
  readonly message: EventMessage;
  readonly sentAt: string;
  receiveCount: number;
}

export interface DeadLetter {
  readonly functionId: string;
  readonly tableId: string;
  /** The stream record the event came from. */
  readonly sequenceNumber: string;
  readonly messageId: string;
  readonly attempts: number;
  readonly event: DomainEvent;
}

export interface LocalStreamsOptions {
  readonly clock: VirtualClock;
  readonly dynamodb: DynamoDBClient;
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly tableName: (tableId: string) => string;
  readonly resolveFunction: (functionId: string) => LocalFunctionHandler;
  /** Where each table's position in each shard of its stream is kept across restarts. */
  readonly checkpointFile: string;
  /** Where the messages waiting in the consumers' queues are kept across restarts. */
  readonly queueFile: string;
  /** Where messages received the last time without success are kept. */
  readonly deadLetterFile: string;
}

/** The consumers of the services' events: one queue per function, subscribed to the topic of each table it consumes. */
export function consumersOf(services: readonly ServiceDescription[], region: string): Consumer[] {
  return services.flatMap((service) =>
    service.functions
      .filter((fn) => (fn.consumes ?? []).length > 0)
      .map((fn) => ({
        functionId: fn.id,
        queueArn: localQueueArn(region, fn.id),
        batchSize: consumerBatchSize(fn.id, fn.consumes!),
        subscriptions: fn.consumes!.map((subscription) => ({ ...subscription, filterPolicy: subscriptionFilterPolicy(subscription) })),
      })),
  );
}

/** Whether a subscription's filter policy takes a message (the exact-value lists the platform's policies hold). */
function takes(filterPolicy: Readonly<Record<string, unknown>>, message: EventMessage): boolean {
  const attributes = { [EVENT_TYPE_MESSAGE_ATTRIBUTE]: message.MessageAttributes[EVENT_TYPE_MESSAGE_ATTRIBUTE].StringValue };
  return matchesFilterPattern(filterPolicy, attributes);
}

/** Positions of the reader before fan-out were kept per consumer: a table goes on from the least advanced of them. */
function tablePositions(saved: readonly [string, string][]): Map<string, string> {
  const positions = new Map<string, string>();
  for (const [key, sequenceNumber] of saved) {
    const parts = key.split('|');
    const position = parts.length === 3 ? `${parts[1]}|${parts[2]}` : key;
    const known = positions.get(position);
    if (known === undefined || BigInt(sequenceNumber) < BigInt(known)) positions.set(position, sequenceNumber);
  }
  return positions;
}

/** Hands a consumer's batch to the function (`deliver`), e.g. to meter what each message costs (the benchmark). */
export type DeliveryWrapper = (functionId: string, event: SQSEvent, deliver: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>) => Promise<SQSBatchResponse | undefined>;

const readJson = <T>(file: string, empty: T): T => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : empty);

export class LocalStreams {
  readonly #options: LocalStreamsOptions;
  readonly #consumers: readonly Consumer[];
  readonly #tableIds: readonly string[];
  readonly #client: DynamoDBStreamsClient;
  /** `<streamArn>|<shardId>` → the last sequence number read (handed to the queues, or passed over by the filter). */
  readonly #checkpoints: Map<string, string>;
  readonly #iterators = new Map<string, string>();
  readonly #streamArns = new Map<string, string>();
  readonly #shardLists = new Map<string, { readonly shards: Shard[]; readonly finished: ReadonlySet<string>; readonly at: number }>();
  /** Closed shards read to their end. */
  readonly #finished = new Set<string>();
  /** Function id → its queue, oldest first. */
  readonly #queues: Map<string, QueuedMessage[]>;
  readonly #deadLetters: DeadLetter[];
  #draining: Promise<boolean> = Promise.resolve(false);
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #paused = false;
  #wrapDelivery: DeliveryWrapper = (_functionId, event, deliver) => deliver(event);

  constructor(options: LocalStreamsOptions, services: readonly ServiceDescription[]) {
    this.#options = options;
    this.#consumers = consumersOf(services, options.region);
    this.#tableIds = [...new Set(this.#consumers.flatMap((consumer) => consumer.subscriptions.map((subscription) => subscription.tableId)))];
    this.#client = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials: options.credentials });
    this.#checkpoints = tablePositions(readJson<[string, string][]>(options.checkpointFile, []));
    this.#queues = new Map(readJson<[string, QueuedMessage[]][]>(options.queueFile, []));
    this.#deadLetters = readJson<DeadLetter[]>(options.deadLetterFile, []);
  }

  /** The subscriptions of the consumers (a consumer of several tables has one per table). */
  get subscriptionCount(): number {
    return this.#consumers.reduce((count, consumer) => count + consumer.subscriptions.length, 0);
  }

  /** The stream readers: one per table whose events someone consumes. */
  get readerCount(): number {
    return this.#tableIds.length;
  }

  /** Messages that were received the last time without success, oldest first. */
  get deadLetters(): readonly DeadLetter[] {
    return this.#deadLetters;
  }

  /** Every later delivery to a consumer goes through `wrapper` (the benchmark meters consumers so). */
  wrapDeliveries(wrapper: DeliveryWrapper): void {
    this.#wrapDelivery = wrapper;
  }

  /** Polls in the background, as Lambda's pollers do, until `stop`. */
  start(): void {
    if (this.#consumers.length === 0) return;
    const poll = () => {
      if (this.#stopped || this.#paused) return;
      this.drain().then(
        () => (this.#timer = setTimeout(poll, POLL_INTERVAL_MS)),
        (error: unknown) => {
          if (this.#stopped) return;
          console.error('local stream reader:', error);
          this.#timer = setTimeout(poll, POLL_INTERVAL_MS);
        },
      );
    };
    poll();
  }

  /**
   * Stops the background polling until `resume` (a drain asked for still runs). DynamoDB Local serves its streams
   * from the process that serves the tables, so a benchmark timing reads pauses the reader while it does: in AWS a
   * stream's reader puts no load on its table.
   */
  async pause(): Promise<void> {
    this.#paused = true;
    clearTimeout(this.#timer);
    await this.#draining;
  }

  resume(): void {
    if (!this.#paused || this.#stopped) return;
    this.#paused = false;
    this.start();
  }

  /**
   * Reads every stream and delivers every queue until a pass finds nothing new; resolves whether anything was
   * read or delivered (or failed). Passes never overlap: a call made during one waits for it.
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
    // The tables' streams side by side (each read in its own order); the consumers one after the other, as their
    // writes may meet on the same items.
    const read = await Promise.all(this.#tableIds.map((tableId) => this.#readTable(tableId)));
    let worked = read.some(Boolean);
    for (const consumer of this.#consumers) {
      if (await this.#deliverQueue(consumer)) worked = true;
    }
    return worked;
  }

  async #readTable(tableId: string): Promise<boolean> {
    const streamArn = await this.#streamArn(tableId);
    let queued = false;
    for (const shard of await this.#shards(streamArn)) {
      if (await this.#readShard(tableId, streamArn, shard)) queued = true;
    }
    return queued;
  }

  async #streamArn(tableId: string): Promise<string> {
    const known = this.#streamArns.get(tableId);
    if (known) return known;
    const { Table } = await this.#options.dynamodb.send(new DescribeTableCommand({ TableName: this.#options.tableName(tableId) }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${tableId} has subscribers but no stream: declare it with outbox: true`);
    this.#streamArns.set(tableId, Table.LatestStreamArn);
    return Table.LatestStreamArn;
  }

  /**
   * The stream's shards, parents before their children (a child's records follow its parent's). Looked up again
   * once a shard is read to its end (its children then take over) and at least every second.
   */
  async #shards(streamArn: string): Promise<Shard[]> {
    const known = this.#shardLists.get(streamArn);
    const finishedSince = known?.shards.some((shard) => this.#finished.has(`${streamArn}|${shard.ShardId}`) && !known.finished.has(shard.ShardId!));
    if (known && !finishedSince && performance.now() - known.at < SHARD_LIST_MAX_AGE_MS) return known.shards;
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
    const finished = new Set(ordered.map((shard) => shard.ShardId!).filter((shardId) => this.#finished.has(`${streamArn}|${shardId}`)));
    this.#shardLists.set(streamArn, { shards: ordered, finished, at: performance.now() });
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

  /** Hands what the shard holds after the table's position to the consumers' queues; resolves whether it queued anything. */
  async #readShard(tableId: string, streamArn: string, shard: Shard): Promise<boolean> {
    const position = `${streamArn}|${shard.ShardId}`;
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

    let queued = false;
    for (const record of records) {
      // A record the router's filter passes over is consumed, as in AWS: the position moves past it.
      if (!ROUTER_PATTERNS.some((pattern) => matchesFilterPattern(pattern, record))) continue;
      let events: DomainEvent[];
      try {
        events = eventsOfRecord({ ...record, eventSourceARN: streamArn } as DynamoDBRecord);
      } catch (error) {
        // In AWS the router fails on it until its retries run out; its dead-letter queue then holds the record's place.
        console.error(`local stream reader: record ${record.dynamodb?.SequenceNumber} of ${tableId} is not an outbox event (${(error as Error).message}); passed over`);
        continue;
      }
      for (const event of events) if (this.#enqueue(tableId, record, eventMessage(event))) queued = true;
    }
    // The messages first, then the position: a restart between the two hands the same events again (at least once).
    if (queued) this.#saveQueues();
    this.#advance(position, records.at(-1)!.dynamodb!.SequenceNumber!);
    // Records of the context's own items are no work for anyone: the pass that found only those changed nothing.
    return queued;
  }

  /** Puts the message in the queue of every consumer subscribed to the table's topic for its type. */
  #enqueue(tableId: string, record: StreamRecord, message: EventMessage): boolean {
    let queued = false;
    for (const consumer of this.#consumers) {
      const subscribed = consumer.subscriptions.some((subscription) => subscription.tableId === tableId && takes(subscription.filterPolicy, message));
      if (!subscribed) continue;
      const queue = this.#queues.get(consumer.functionId) ?? [];
      this.#queues.set(consumer.functionId, queue);
      queue.push({
        messageId: randomUUID(),
        tableId,
        sequenceNumber: record.dynamodb!.SequenceNumber!,
        message,
        sentAt: this.#options.clock.now().toISOString(),
        receiveCount: 0,
      });
      queued = true;
    }
    return queued;
  }

  /** Delivers the consumer's queue, batch after batch, until it is empty or a batch fails; resolves whether it held anything. */
  async #deliverQueue(consumer: Consumer): Promise<boolean> {
    const queue = this.#queues.get(consumer.functionId);
    if (!queue || queue.length === 0) return false;
    const handler = this.#options.resolveFunction(consumer.functionId);
    while (queue.length > 0) {
      const batch = queue.slice(0, consumer.batchSize);
      for (const message of batch) message.receiveCount += 1;
      const event = {
        Records: batch.map((message) =>
          queueRecord(message.message, {
            queueArn: consumer.queueArn,
            messageId: message.messageId,
            sequenceNumber: message.sequenceNumber,
            receiveCount: message.receiveCount,
            sentAt: new Date(message.sentAt),
            region: this.#options.region,
          }),
        ),
      };
      let failedIds: Set<string>;
      try {
        const deliver = (batchEvent: SQSEvent) =>
          this.#options.clock.runTracked(() => handler(batchEvent, lambdaContext(consumer.functionId))) as Promise<SQSBatchResponse | undefined>;
        const response = await this.#wrapDelivery(consumer.functionId, event as SQSEvent, deliver);
        failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      } catch {
        // A function that throws fails its whole batch.
        failedIds = new Set(batch.map((message) => message.messageId));
      }
      // What the function did not report is deleted from the queue; what it reported comes back, unless that was its last receive.
      const kept: QueuedMessage[] = [];
      for (const message of batch) {
        if (!failedIds.has(message.messageId)) continue;
        if (message.receiveCount < RECEIVES_PER_MESSAGE) kept.push(message);
        else this.#deadLetter(consumer, message);
      }
      queue.splice(0, batch.length, ...kept);
      this.#saveQueues();
      // A failed batch is received again at the next pass, as after a visibility timeout.
      if (failedIds.size > 0) return true;
    }
    return true;
  }

  #deadLetter(consumer: Consumer, message: QueuedMessage): void {
    const event = JSON.parse(message.message.Message) as DomainEvent;
    this.#deadLetters.push({
      functionId: consumer.functionId,
      tableId: message.tableId,
      sequenceNumber: message.sequenceNumber,
      messageId: message.messageId,
      attempts: message.receiveCount,
      event,
    });
    writeFileSync(this.#options.deadLetterFile, JSON.stringify(this.#deadLetters));
    console.error(`local stream reader: ${consumer.functionId} failed event ${event.id} of ${message.tableId} ${message.receiveCount} times; set aside as a dead letter`);
  }

  #saveQueues(): void {
    writeFileSync(this.#options.queueFile, JSON.stringify([...this.#queues].filter(([, queue]) => queue.length > 0)));
  }

  #advance(position: string, sequenceNumber: string): void {
    this.#checkpoints.set(position, sequenceNumber);
    writeFileSync(this.#options.checkpointFile, JSON.stringify([...this.#checkpoints]));
  }
}
