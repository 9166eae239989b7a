// A function that consumes domain events: an SQS FIFO queue of its own, subscribed to the topic of each table it
// consumes with a filter policy on the event types it declares (raw messages: the body is the event), a FIFO
// dead-letter queue the queue redrives to, and one event source mapping on the queue answering with the records it
// failed. Built in the consumer's stack: it uses the table's topic, never the other way round.
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { subscriptionFilterPolicy } from '../../functions/shared/events/outbox-filter.ts';
import type { EventSubscription } from '../../functions/shared/service-description.ts';
import { pascalCase } from './construct-ids.ts';

export interface EventConsumerProps {
  readonly function: lambda.IFunction;
  readonly role: iam.IRole;
  /** Each subscription with the topic of its table. */
  readonly subscriptions: readonly { readonly topic: sns.ITopic; readonly subscription: EventSubscription }[];
  /** Messages per invocation (1 to 10 for a FIFO queue). */
  readonly batchSize: number;
  /** The function's timeout: a message received stays hidden from other receives for six of them, as Lambda advises. */
  readonly functionTimeout: Duration;
  /** The platform key: encrypts both queues. */
  readonly encryptionKey: kms.IKey;
}

/** Receives of a message before the queue moves it to its dead-letter queue. */
const MAX_RECEIVE_COUNT = 10;

export class EventConsumer extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: EventConsumerProps) {
    super(scope, id);
    const { encryptionKey } = props;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      fifo: true,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      // The longest SQS keeps a message: an operator has two weeks to look at an event and redrive it.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue: the redrive target of one consumer's event queue.",
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      fifo: true,
      // The topic passes each event's id as its deduplication id; ordering and deduplication are per item.
      contentBasedDeduplication: false,
      deduplicationScope: sqs.DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.functionTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // Only the topics it subscribes to may send to the queue (the platform key lets SNS encrypt for this account).
    const topicArns = props.subscriptions.map(({ topic }) => topic.topicArn);
    const { policyDependable } = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': topicArns.length === 1 ? topicArns[0]! : topicArns } },
      }),
    );
    for (const { topic, subscription } of props.subscriptions) {
      const subscribed = new sns.CfnSubscription(this, `${pascalCase(subscription.tableId)}Subscription`, {
        topicArn: topic.topicArn,
        protocol: sns.SubscriptionProtocol.SQS,
        endpoint: this.queue.queueArn,
        rawMessageDelivery: true,
        filterPolicyScope: 'MessageAttributes',
        filterPolicy: subscriptionFilterPolicy(subscription),
      });
      // Events published before the queue lets the topic in would be lost.
      if (policyDependable) subscribed.node.addDependency(policyDependable);
    }

    props.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
        resources: [this.queue.queueArn],
      }),
    );
    props.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [encryptionKey.keyArn] }));

    new lambda.EventSourceMapping(this, 'Events', {
      target: props.function,
      eventSourceArn: this.queue.queueArn,
      batchSize: props.batchSize,
      reportBatchItemFailures: true,
    });
  }
}
