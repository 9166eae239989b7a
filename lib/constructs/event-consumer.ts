// A function that consumes domain events from outbox streams: one event source mapping per subscription, reading
// from the oldest record kept, filtered to the subscribed event types, with partial batch responses, bisection
// and bounded retries, and a dead-letter queue of its own for the batches it gave up.
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { outboxFilterPattern } from '../../functions/shared/events/outbox-filter.ts';
import type { EventSubscription } from '../../functions/shared/service-description.ts';
import { pascalCase } from './construct-ids.ts';
import type { PlatformTable } from './platform-table.ts';

export interface EventConsumerProps {
  readonly function: lambda.IFunction;
  readonly role: iam.IRole;
  readonly subscriptions: readonly { readonly table: PlatformTable; readonly subscription: EventSubscription }[];
  /** The platform key: encrypts the dead-letter queue. */
  readonly encryptionKey: kms.IKey;
}

/**
 * Stream records are kept 24 hours. A batch given up after 6 leaves an operator 18 to replay it from the stream:
 * the dead-letter message names the shard and the sequence numbers of the batch, not its records.
 */
const MAXIMUM_RECORD_AGE = Duration.hours(6);
/** After these, the batch goes to the dead-letter queue instead of holding up its shard (order is kept per shard). */
const RETRY_ATTEMPTS = 10;
/** Records per invocation when the subscription does not say. */
const DEFAULT_BATCH_SIZE = 10;

export class EventConsumer extends Construct {
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: EventConsumerProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      // The longest SQS keeps a message: the stream's records are gone after a day, the record of the failure stays.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: the on-failure destination of the event source mappings of one consumer.',
    });
    // Lambda sends the failure records with the function's role; the queue is encrypted with the platform key.
    props.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
    props.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.encryptionKey.keyArn] }),
    );
    // The poller lists the table's streams before it reads one; ListStreams has no resource-level permission.
    props.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));

    const onFailure: lambda.IEventSourceDlq = { bind: () => ({ destination: this.deadLetterQueue.queueArn }) };
    for (const { table, subscription } of props.subscriptions) {
      table.grantStreamConsumption(props.role);
      new lambda.EventSourceMapping(this, `${pascalCase(subscription.tableId)}Events`, {
        target: props.function,
        eventSourceArn: table.tableStreamArn,
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: subscription.batchSize ?? DEFAULT_BATCH_SIZE,
        filters: [lambda.FilterCriteria.filter(outboxFilterPattern(subscription))],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: RETRY_ATTEMPTS,
        maxRecordAge: MAXIMUM_RECORD_AGE,
        onFailure,
      });
    }
  }
}
