// A platform DynamoDB table built from its description: on-demand, point-in-time recovery, deletion protection,
// encrypted with the platform key and retained when the stack lets go of it.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableDescription } from '../../functions/shared/service-description.ts';

export interface PlatformTableProps {
  readonly description: TableDescription;
  readonly encryptionKey: kms.IKey;
}

// The description names key attributes without types: platform keys are strings (ids, codes, ISO-8601 dates).
const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export class PlatformTable extends dynamodb.Table {
  /** Whether grants on this table also cover `index/*`: the table's own GSIs. */
  readonly hasGlobalIndexes: boolean;

  constructor(scope: Construct, id: string, props: PlatformTableProps) {
    const { description } = props;
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
    });
    for (const index of description.globalIndexes ?? []) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: index.sortKey === undefined ? undefined : stringKey(index.sortKey),
      });
    }
    this.hasGlobalIndexes = (description.globalIndexes ?? []).length > 0;
  }
}
