// The SQS records Lambda hands a consumer from its FIFO queue, for an event message the table's topic delivered
// there raw: the local platform builds the same ones to invoke consumers in process.
import { createHash } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';
import type { EventMessage } from '../../functions/shared/events/event-message.ts';

export interface QueueRecordOptions {
  readonly queueArn: string;
  readonly messageId: string;
  /** The queue's sequence number of the message (FIFO queues number their messages). */
  readonly sequenceNumber: string;
  readonly receiveCount: number;
  readonly sentAt: Date;
  readonly region: string;
}

export function queueRecord(message: EventMessage, options: QueueRecordOptions): SQSRecord {
  const sent = String(options.sentAt.getTime());
  return {
    messageId: options.messageId,
    receiptHandle: `${options.messageId}#${options.receiveCount}`,
    body: message.Message,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount),
      SentTimestamp: sent,
      SenderId: 'sns.amazonaws.com',
      ApproximateFirstReceiveTimestamp: sent,
      SequenceNumber: options.sequenceNumber,
      MessageGroupId: message.MessageGroupId,
      MessageDeduplicationId: message.MessageDeduplicationId,
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes).map(([name, value]) => [name, { dataType: value.DataType, stringValue: value.StringValue }]),
    ),
    md5OfBody: createHash('md5').update(message.Message).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueArn,
    awsRegion: options.region,
  };
}

/** The ARN a local consumer's queue is named by in the records (as the stack names it: one queue per function). */
export const localQueueArn = (region: string, functionId: string) => `arn:aws:sqs:${region}:000000000000:${functionId}-events.fifo`;
