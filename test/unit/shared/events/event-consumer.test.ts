// eventConsumer as Lambda runs it on a consumer's FIFO queue: messages whose bodies are domain events, handled in
// order by their type's handler; at the first failure that message and every one after it are answered as failed
// (a FIFO queue redelivers them in order), and the log names ids and types, never an event's data.
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { domainEvent, type DomainEvent } from '../../../../functions/shared/events/domain-event.ts';
import { eventConsumer, eventOfMessage } from '../../../../functions/shared/events/event-consumer.ts';
import { logger } from '../../../../functions/shared/observability/observability.ts';
import { lambdaContext } from '../../../fixtures/http-events.ts';
import { outboxQueueEvent, outboxQueueRecord } from '../../../fixtures/outbox-stream-records.ts';

const filed = (subject: string, version = 1): DomainEvent =>
  domainEvent({ type: 'complaint.filed', source: 'complaints', subject, occurredAt: '2026-12-03T10:00:00.000Z', version, data: { text: 'Lampadaire éteint devant chez Salma' } });
const answered = (subject: string): DomainEvent =>
  domainEvent({ type: 'complaint.answered', source: 'complaints', subject, occurredAt: '2026-12-03T11:00:00.000Z', version: 5, data: {} });

const run = (handler: ReturnType<typeof eventConsumer>, event: SQSEvent) => handler(event, lambdaContext('Consumer'));

describe('eventConsumer', () => {
  afterEach(() => vi.restoreAllMocks());

  it("hands each message's event to its type's handler, in queue order, and answers no failure", async () => {
    const seen: string[] = [];
    const handler = eventConsumer({
      'complaint.filed': async (event) => void seen.push(`filed ${event.subject}`),
      'complaint.answered': async (event) => void seen.push(`answered ${event.subject}`),
    });
    const events = [filed('C-1'), answered('C-1'), filed('C-2')];

    const response = await run(handler, outboxQueueEvent(events));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(['filed C-1', 'answered C-1', 'filed C-2']);
  });

  it('answers the failed message and every one after it, and runs none of those after it', async () => {
    const seen: string[] = [];
    const handler = eventConsumer({
      'complaint.filed': async (event) => {
        if (event.subject === 'C-2') throw new Error('conditional request failed');
        seen.push(event.subject);
      },
    });
    const batch = outboxQueueEvent([filed('C-1'), filed('C-2'), filed('C-3'), filed('C-4')]);
    const errors = vi.spyOn(logger, 'error');

    const response = await run(handler, batch);

    expect(response).toEqual({ batchItemFailures: ['message-2', 'message-3', 'message-4'].map((itemIdentifier) => ({ itemIdentifier })) });
    expect(seen).toEqual(['C-1']);
    expect(errors).toHaveBeenCalledOnce();
    const logged = JSON.stringify(errors.mock.calls, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value));
    expect(logged).toContain('complaints/C-2/v1/complaint.filed');
    expect(logged).toContain('complaint.filed');
    expect(logged).toContain('message-2');
    expect(logged).not.toContain('Salma');
  });

  it('fails a message of a type it has no handler for, rather than passing over it', async () => {
    const handler = eventConsumer({ 'complaint.filed': async () => undefined });

    const response = await run(handler, outboxQueueEvent([filed('C-1'), answered('C-1')]));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-2' }] });
  });

  it('fails a message whose body is not a domain event, with what follows it', async () => {
    const handle = vi.fn(async () => undefined);
    const handler = eventConsumer({ 'complaint.filed': handle });
    const good = outboxQueueRecord(filed('C-1'), 'message-1');
    const notJson = { ...outboxQueueRecord(filed('C-2'), 'message-2'), body: 'not json' };
    const last = outboxQueueRecord(filed('C-3'), 'message-3');

    const response = await run(handler, { Records: [good, notJson, last] });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-2' }, { itemIdentifier: 'message-3' }] });
    expect(handle).toHaveBeenCalledOnce();
    expect(() => eventOfMessage({ ...good, body: JSON.stringify({ type: 'complaint.filed' }) })).toThrow(/not a domain event/);
  });
});
