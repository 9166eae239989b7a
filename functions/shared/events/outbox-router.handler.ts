// The router function the platform gives each outbox table (one per table, none written by a service): its
// stream's new outbox items published to the table's SNS FIFO topic (outbox-router.ts).
import { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { requiredEnvironment } from '../aws/environment.ts';
import { taskHandler } from '../observability/task-handler.ts';
import { EVENT_TOPIC_ENV } from './event-message.ts';
import { publishOutboxRecords } from './outbox-router.ts';

const sns = new SNSClient({});
const topicArn = requiredEnvironment(EVENT_TOPIC_ENV);

export const handler = taskHandler((event: DynamoDBStreamEvent) => publishOutboxRecords(sns, topicArn, event.Records));
