// The local platform's event fan-out on DynamoDB Local's real stream: each outbox table is read once per pass
// whatever the number of its consumers, each consumer gets the events of its types in order, in the SQS records
// Lambda hands it, a failing consumer sets its own events aside as dead letters without holding up the others, and
// a restart goes on from the table's position and the messages still queued.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domainEvent, type DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { eventConsumer } from '../../functions/shared/events/event-consumer.ts';
import { carriedEvents, outboxPut } from '../../functions/shared/events/outbox.ts';
import type { EventSubscription, ServiceDescription, TableDescription } from '../../functions/shared/service-description.ts';
import { LocalStreams } from '../../lib/local/local-streams.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import { freshTables, localDocumentClient, localStreamsOver } from './local-aws.ts';

const LETTERS: TableDescription = { id: 'letters', partitionKey: 'pk', sortKey: 'sk', outbox: true, timeToLiveAttribute: 'expiresAt' };
const clock = new VirtualClock(new Date('2026-12-03T09:00:00Z'));
const documents = localDocumentClient();
let names: Record<string, string>;
let version = 0;
const opened: LocalStreams[] = [];

function letterEvent(type: string, subject: string): DomainEvent {
  version += 1;
  return domainEvent({ type, source: 'registry-office', subject, occurredAt: clock.now().toISOString(), version, data: { version } });
}

async function emit(...events: DomainEvent[]): Promise<void> {
  for (const event of events) await documents.send(new TransactWriteCommand({ TransactItems: [outboxPut(LETTERS, names.letters!, event)] }));
}

interface Seen {
  readonly functionId: string;
  readonly events: DomainEvent[];
  readonly batches: SQSEvent[];
}

/** A consumer built with the platform's eventConsumer, recording what it handled; `fails` rejects the events it names. */
function consumer(functionId: string, eventTypes: readonly string[], fails: (event: DomainEvent) => boolean = () => false) {
  const seen: Seen = { functionId, events: [], batches: [] };
  const handle = async (event: DomainEvent) => {
    if (fails(event)) throw new Error(`${functionId} cannot handle ${event.id}`);
    seen.events.push(event);
  };
  const handler = eventConsumer(Object.fromEntries(eventTypes.map((type) => [type, handle])));
  const subscription: EventSubscription = { tableId: LETTERS.id, eventTypes };
  return {
    seen,
    function: { id: functionId, entry: 'test', consumes: [subscription] },
    handler: async (event: SQSEvent, context: unknown) => {
      seen.batches.push(event);
      return handler(event, context as never);
    },
  };
}

type Consumer = ReturnType<typeof consumer>;

function openStreams(directory: string, consumers: readonly Consumer[]): LocalStreams {
  const services: ServiceDescription[] = [{ name: 'test', functions: consumers.map((each) => each.function) }];
  const handlers = new Map(consumers.map((each) => [each.function.id, each.handler]));
  const streams = localStreamsOver(clock, names, services, (functionId) => handlers.get(functionId), directory);
  opened.push(streams);
  return streams;
}

const ids = (seen: Seen) => seen.events.map((event) => event.id);

describe('the local event fan-out', () => {
  beforeEach(async () => {
    names = await freshTables([LETTERS]);
  });

  afterEach(() => vi.restoreAllMocks());

  afterAll(async () => {
    for (const streams of opened) await streams.stop();
    clock.dispose();
  });

  it("reads the table's stream once per pass whatever its consumers, and hands each the events of its types, in order, as SQS records", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'raqmana-fan-out-'));
    const registered = consumer('Registered', ['letter.registered']);
    const both = consumer('Both', ['letter.registered', 'letter.answered']);
    const answered = consumer('Answered', ['letter.answered']);
    const streams = openStreams(directory, [registered, both, answered]);
    const sent = vi.spyOn(DynamoDBStreamsClient.prototype, 'send');
    await streams.drain();
    const first = letterEvent('letter.registered', 'L-1');
    const reply = letterEvent('letter.answered', 'L-1');
    const second = letterEvent('letter.registered', 'L-2');
    await emit(first, reply, second);

    await streams.drain();

    const commands = sent.mock.calls.map(([command]) => command);
    // One reader of the table: one iterator into its one shard, followed record after record, not one per consumer.
    expect(commands.filter((command) => command instanceof GetShardIteratorCommand)).toHaveLength(1);
    const iterators = commands.filter((command) => command instanceof GetRecordsCommand).map((command) => (command.input as { ShardIterator: string }).ShardIterator);
    expect(new Set(iterators).size).toBe(iterators.length);
    expect(streams.readerCount).toBe(1);
    expect(streams.subscriptionCount).toBe(3);
    expect(ids(registered.seen)).toEqual([first.id, second.id]);
    expect(ids(both.seen)).toEqual([first.id, reply.id, second.id]);
    expect(ids(answered.seen)).toEqual([reply.id]);
    const [record] = answered.seen.batches.at(-1)!.Records;
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: expect.stringMatching(/:Answered-events\.fifo$/),
      attributes: { MessageGroupId: 'registry-office/L-1', MessageDeduplicationId: reply.id, ApproximateReceiveCount: '1' },
      messageAttributes: { eventType: { dataType: 'String', stringValue: 'letter.answered' } },
    });
    expect(JSON.parse(record!.body)).toEqual(reply);
    expect(streams.deadLetters).toEqual([]);
  });

  it('delivers in the background, not while paused, and again once resumed; a record written with its events brings each of them', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'raqmana-fan-out-'));
    const registered = consumer('Registered', ['letter.registered', 'letter.answered']);
    const streams = openStreams(directory, [registered]);
    streams.start();
    await streams.pause();
    const first = letterEvent('letter.registered', 'L-9');
    const answer = letterEvent('letter.answered', 'L-9');
    await documents.send(new PutCommand({ TableName: names.letters!, Item: { pk: 'LETTER#L-9', sk: 'LETTER', ...carriedEvents([first, answer]) } }));

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ids(registered.seen)).toEqual([]);
    streams.resume();

    await vi.waitFor(() => expect(ids(registered.seen)).toEqual([first.id, answer.id]), { timeout: 5_000, interval: 50 });
  });

  it('sets aside the events a consumer fails on every receive as its own dead letters, and holds up no other consumer', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'raqmana-fan-out-'));
    const poisoned = letterEvent('letter.registered', 'L-poison');
    const failing = consumer('Failing', ['letter.registered'], (event) => event.id === poisoned.id);
    const healthy = consumer('Healthy', ['letter.registered']);
    const streams = openStreams(directory, [failing, healthy]);
    await streams.drain();
    await emit(poisoned);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await streams.drain()).toBe(true);

    expect(ids(healthy.seen)).toEqual([poisoned.id]);
    expect(failing.seen.batches.map((batch) => batch.Records[0]!.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    expect(streams.deadLetters).toEqual([expect.objectContaining({ functionId: 'Failing', tableId: LETTERS.id, attempts: 3, event: poisoned })]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(poisoned.id));

    const after = letterEvent('letter.registered', 'L-after');
    await emit(after);
    await streams.drain();
    expect(ids(failing.seen)).toEqual([after.id]);
    expect(ids(healthy.seen)).toEqual([poisoned.id, after.id]);
  });

  it("goes on after a restart from the table's position, with the messages still queued and their receive counts", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'raqmana-fan-out-'));
    const delivered = letterEvent('letter.registered', 'L-before');
    const retried = letterEvent('letter.registered', 'L-retried');
    let first: LocalStreams | undefined;
    let stopped: Promise<void> | undefined;
    // The second event fails once, and the platform stops before its queue hands it again.
    const before = consumer('Restarted', ['letter.registered'], (event) => {
      if (event.id !== retried.id) return false;
      stopped ??= first!.stop();
      return true;
    });
    first = openStreams(directory, [before]);
    await emit(delivered);
    await first.drain();
    await emit(retried);
    await first.drain();
    await stopped;

    const after = consumer('Restarted', ['letter.registered']);
    const next = letterEvent('letter.registered', 'L-next');
    await emit(next);
    const second = openStreams(directory, [after]);
    await second.drain();

    expect(ids(before.seen)).toEqual([delivered.id]);
    expect(ids(after.seen)).toEqual([retried.id, next.id]);
    const receives = after.seen.batches.flatMap((batch) => batch.Records.map((record) => [(JSON.parse(record.body) as DomainEvent).id, record.attributes.ApproximateReceiveCount]));
    expect(receives).toEqual([
      [retried.id, '2'],
      [next.id, '1'],
    ]);
    expect(second.deadLetters).toEqual([]);
  });
});
