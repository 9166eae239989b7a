// A platform DynamoDB table built from its description: on-demand, point-in-time recovery, deletion protection,
// encrypted with the platform key and retained when the stack lets go of it.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { Access, TableDescription } from '../../functions/shared/service-description.ts';
import { arnInFinding, wildcardFinding } from './nag-findings.ts';

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
        projectionType: index.projection === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : dynamodb.ProjectionType.ALL,
      });
    }
    this.hasGlobalIndexes = (description.globalIndexes ?? []).length > 0;
  }

  /**
   * Grants `access` to `role` and acknowledges the wildcards CDK's grant brings with it: this table's own
   * `index/*`, and for writes the data-key actions on the platform key.
   */
  grantAccess(role: iam.IRole, access: Access, user: string): void {
    if (access === 'write') this.grantReadWriteData(role);
    else this.grantReadData(role);
    if (this.hasGlobalIndexes) {
      Validations.of(role).acknowledge({
        id: wildcardFinding(`Resource::${arnInFinding(this)}/index/*`),
        reason: `The ${user} queries the global secondary indexes of this one table; index/* covers only them.`,
      });
    }
    if (access === 'write') {
      for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
        Validations.of(role).acknowledge({
          id: wildcardFinding(`Action::${action}`),
          reason: "CDK's read/write grant on a table encrypted with the platform key; scoped to that one key ARN.",
        });
      }
    }
  }
}
