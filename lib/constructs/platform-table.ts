// A platform DynamoDB table built from its description: on-demand, point-in-time recovery, deletion protection,
// encrypted with the platform key and retained when the stack lets go of it; a table holding an outbox streams
// its new items to the functions that consume its events.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { Access, GlobalIndexDescription, TableDescription } from '../../functions/shared/service-description.ts';
import { acknowledgeWildcardResource, wildcardFinding } from './nag-findings.ts';

export interface PlatformTableProps {
  readonly description: TableDescription;
  readonly encryptionKey: kms.IKey;
}

// The description names key attributes without types: platform keys are strings (ids, codes, ISO-8601 dates).
const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

function projectionOf(index: GlobalIndexDescription): Pick<dynamodb.GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  const projection = index.projection ?? 'all';
  if (projection === 'all') return { projectionType: dynamodb.ProjectionType.ALL };
  if (projection === 'keys-only') return { projectionType: dynamodb.ProjectionType.KEYS_ONLY };
  return { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...projection.include] };
}

// Item actions per access. No Scan (every access pattern is a key lookup or a Query) and no stream actions (those
// go to the consumers of an outbox, on the stream). A transaction is authorized item by item with these same
// actions, so `append` may write transactions too, but never delete.
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const APPEND_ACTIONS = [...READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const TABLE_ACTIONS: Record<Access, readonly string[]> = {
  read: READ_ACTIONS,
  append: APPEND_ACTIONS,
  write: [...APPEND_ACTIONS, 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
};
// What DynamoDB needs of the caller's rights on the table's key (the same as CDK's own table grants).
const READ_KEY_ACTIONS = ['kms:Decrypt'];
const WRITE_KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
/** Lambda's poller reads the stream with the consumer's role: the stream's shards and records, decrypted. */
const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'];

export class PlatformTable extends dynamodb.Table {
  readonly description: TableDescription;
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: PlatformTableProps) {
    const { description } = props;
    if (description.outbox === true && description.timeToLiveAttribute === undefined) {
      throw new Error(`Table "${description.id}" holds an outbox, so it must declare a timeToLiveAttribute: delivered events expire`);
    }
    super(scope, id, {
      partitionKey: stringKey(description.partitionKey),
      sortKey: description.sortKey === undefined ? undefined : stringKey(description.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: description.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      // Consumers read the events as written; the images before a change would only double what the stream carries.
      ...(description.outbox === true && { stream: dynamodb.StreamViewType.NEW_IMAGE }),
    });
    for (const index of description.globalIndexes ?? []) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: index.sortKey === undefined ? undefined : stringKey(index.sortKey),
        ...projectionOf(index),
      });
    }
    this.description = description;
    this.key = props.encryptionKey;
  }

  /**
   * Grants `access` to `role` (its indexes too) and the use of the platform key it needs, and acknowledges the
   * wildcards that brings: this table's own `index/*`, and for writes the data-key actions on the platform key.
   */
  grantAccess(role: iam.IRole, access: Access, user: string): void {
    const indexes = `${this.tableArn}/index/*`;
    const hasIndexes = (this.description.globalIndexes ?? []).length > 0;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...TABLE_ACTIONS[access]], resources: [this.tableArn, ...(hasIndexes ? [indexes] : [])] }),
    );
    const keyActions = access === 'read' ? READ_KEY_ACTIONS : WRITE_KEY_ACTIONS;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: keyActions, resources: [this.key.keyArn] }));
    if (hasIndexes) {
      acknowledgeWildcardResource(role, indexes, `The ${user} queries the global secondary indexes of this one table; index/* covers only them.`);
    }
    for (const action of keyActions.filter((candidate) => candidate.endsWith('*'))) {
      Validations.of(role).acknowledge({
        id: wildcardFinding(`Action::${action}`),
        reason: 'DynamoDB encrypts the items written to a table with the platform key; the grant is scoped to that one key ARN.',
      });
    }
  }

  /** Lets `role` read this table's stream (an outbox consumer's poller); `dynamodb:ListStreams` is the caller's to grant on `*`. */
  grantStreamConsumption(role: iam.IRole): void {
    if (this.tableStreamArn === undefined) throw new Error(`Table "${this.description.id}" has no stream to consume: it declares no outbox`);
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: STREAM_ACTIONS, resources: [this.tableStreamArn] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: READ_KEY_ACTIONS, resources: [this.key.keyArn] }));
  }
}
