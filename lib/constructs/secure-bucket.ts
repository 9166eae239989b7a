// A platform bucket: private, versioned, KMS-encrypted, TLS-only, with every access logged to the access-log bucket.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { arnInFinding, wildcardFinding } from './nag-findings.ts';

export interface SecureBucketProps {
  readonly encryptionKey: kms.IKey;
  /** Receives the server access logs; it must use SSE-S3, since S3 cannot deliver logs to an SSE-KMS bucket. */
  readonly accessLogBucket: s3.IBucket;
  /** Prefix of this bucket's logs in the access-log bucket. */
  readonly accessLogPrefix: string;
  /** Object Lock in compliance mode with this default retention, for evidence that must never change. */
  readonly writeOnceYears?: number;
}

export class SecureBucket extends s3.Bucket {
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id, {
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // One data key per bucket instead of one KMS call per object: cheaper, same protection.
      bucketKeyEnabled: true,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: props.accessLogPrefix,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.writeOnceYears !== undefined && {
        objectLockEnabled: true,
        objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(365 * props.writeOnceYears)),
      }),
    });
    this.key = props.encryptionKey;
  }

  /**
   * Object-level read, narrower than `grantRead` (which adds `s3:GetObject*`, `s3:GetBucket*` and `s3:List*`).
   * The principal must be a role or user: the acknowledgement of its object wildcard is recorded on it.
   */
  grantObjectRead(grantee: iam.IGrantable & Construct): void {
    this.grantObjects(grantee, ['s3:GetObject'], ['kms:Decrypt']);
  }

  /** Object-level read of the keys under one prefix (a workflow's item reader). */
  grantObjectReadUnder(grantee: iam.IGrantable & Construct, prefix: string): void {
    this.grantObjects(grantee, ['s3:GetObject'], ['kms:Decrypt'], `${prefix}*`);
  }

  /** Object-level read and write, narrower than `grantReadWrite`. */
  grantObjectReadWrite(grantee: iam.IGrantable & Construct): void {
    this.grantObjects(grantee, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], ['kms:Decrypt', 'kms:GenerateDataKey']);
  }

  private grantObjects(grantee: iam.IGrantable & Construct, objectActions: string[], keyActions: string[], keys = '*'): void {
    // Listing tells a missing object (404) from a forbidden one (403); a prefix-scoped reader has no need of it.
    if (keys === '*') {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucketArn] }),
      );
    }
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: objectActions, resources: [this.arnForObjects(keys)] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: keyActions, resources: [this.key.keyArn] }),
    );
    Validations.of(grantee).acknowledge({
      id: wildcardFinding(`Resource::${arnInFinding(this)}/${keys}`),
      reason:
        keys === '*'
          ? 'Object keys are chosen at run time (one per uploaded document); the grant is limited to this one bucket.'
          : `Object keys under ${keys} are chosen at run time (one per import); the grant is limited to that prefix of this one bucket.`,
    });
  }
}
