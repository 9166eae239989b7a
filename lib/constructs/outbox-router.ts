// The one reader of an outbox table's stream, which the platform gives every table declared with `outbox: true`:
// the table's SNS FIFO topic (encrypted with the platform key, TLS only) and the router function that publishes
// the stream's new outbox items to it (functions/shared/events/outbox-router.ts), with one event source mapping,
// bounded retries and a dead-letter queue of its own. Consumers subscribe their queues to the topic from their own
// stacks (event-consumer.ts), so a table's stack knows nothing of who consumes it.
import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_TOPIC_ENV } from '../../functions/shared/events/event-message.ts';
import { outboxRecordFilterPatterns } from '../../functions/shared/events/outbox-filter.ts';
import { ApiFunction } from './api-function.ts';
import type { PlatformTable } from './platform-table.ts';

/** The router's module, shared by every table's router. */
export const OUTBOX_ROUTER_ENTRY = 'functions/shared/events/outbox-router.handler.ts';

/**
 * Stream records are kept 24 hours. A batch given up after 6 leaves an operator 18 to replay it from the stream:
 * the dead-letter message names the shard and the sequence numbers of the batch, not its records.
 */
const MAXIMUM_RECORD_AGE = Duration.hours(6);
/** After these, the batch goes to the dead-letter queue instead of holding up its shard (order is kept per shard). */
const RETRY_ATTEMPTS = 10;
/** Records per invocation: published 10 at a time (PublishBatch), in stream order. */
const ROUTER_BATCH_SIZE = 100;

export interface OutboxRouterProps {
  readonly table: PlatformTable;
  /** The router function's physical name. */
  readonly functionName: string;
  /** The topic's name: `<stack>-<Table>Events.fifo`, which the platform key's policy lets SNS use the key for. */
  readonly topicName: string;
  readonly repositoryRoot: string;
  /** The service whose table it is: the function's Powertools service name. */
  readonly serviceName: string;
  /** The platform key: encrypts the topic, the function's logs and its dead-letter queue. */
  readonly encryptionKey: kms.IKey;
}

export class OutboxRouter extends Construct {
  readonly topic: sns.Topic;
  readonly router: ApiFunction;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: OutboxRouterProps) {
    super(scope, id);
    const { table, encryptionKey } = props;
    if (table.tableStreamArn === undefined) throw new Error(`Table "${table.description.id}" has no stream to route: it declares no outbox`);

    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `Raqmana: the domain events of the ${table.description.id} table`,
      topicName: props.topicName,
      fifo: true,
      // Ordering is per item (message group): the topic's throughput limit applies per group, not to the whole topic.
      fifoThroughputScope: sns.FifoThroughputScope.MESSAGE_GROUP,
      masterKey: encryptionKey,
      enforceSSL: true,
    });

    this.router = new ApiFunction(this, 'Router', {
      functionName: props.functionName,
      entry: join(props.repositoryRoot, OUTBOX_ROUTER_ENTRY),
      projectRoot: props.repositoryRoot,
      serviceName: props.serviceName,
      description: `${props.serviceName}: publishes the events of the ${table.description.id} table's outbox`,
      memoryMb: 256,
      timeoutSeconds: 30,
      encryptionKey,
      environment: { [EVENT_TOPIC_ENV]: this.topic.topicArn },
      readsStream: true,
    });
    const role = this.router.function.role!;

    // Publishing to a topic encrypted with a customer-managed key takes the key's data-key and decrypt actions.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [encryptionKey.keyArn] }));
    table.grantStreamConsumption(role);
    // The poller lists the table's streams before it reads one; ListStreams has no resource-level permission.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      // The longest SQS keeps a message: the stream's records are gone after a day, the record of the failure stays.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue: the on-failure destination of the router's event source mapping on the table's stream.",
    });
    // Lambda sends the failure records with the function's role.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));

    const onFailure: lambda.IEventSourceDlq = { bind: () => ({ destination: this.deadLetterQueue.queueArn }) };
    new lambda.EventSourceMapping(this, 'StreamEvents', {
      target: this.router.function,
      eventSourceArn: table.tableStreamArn,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: ROUTER_BATCH_SIZE,
      filters: outboxRecordFilterPatterns().map((pattern) => lambda.FilterCriteria.filter(pattern)),
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: RETRY_ATTEMPTS,
      maxRecordAge: MAXIMUM_RECORD_AGE,
      onFailure,
    });
  }
}
