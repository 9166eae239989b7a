// A platform bucket: private, versioned, KMS-encrypted, TLS-only, with every access logged to the access-log bucket.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BROWSER_TRANSFER_CORS } from '../../functions/shared/aws/browser-transfers.ts';
import type { Access } from '../../functions/shared/service-description.ts';
import { MalwareProtection } from './malware-protection.ts';
import { acknowledgeWildcardResource } from './nag-findings.ts';

export interface SecureBucketProps {
  readonly encryptionKey: kms.IKey;
  /** Receives the server access logs; it must use SSE-S3, since S3 cannot deliver logs to an SSE-KMS bucket. */
  readonly accessLogBucket: s3.Bucket;
  /** Prefix of this bucket's logs in the access-log bucket. */
  readonly accessLogPrefix: string;
  /** Object Lock in compliance mode with this default retention, for evidence that must never change. */
  readonly writeOnceYears?: number;
  /** GuardDuty Malware Protection scans and tags every new object; functions that read the bucket may read the tags. */
  readonly malwareScan?: boolean;
  /** Browsers upload and fetch with presigned URLs: the bucket answers CORS preflights. */
  readonly browserTransfers?: boolean;
}

// Object actions per access: `append` adds objects (a new version of a key, in a versioned bucket) but never deletes.
const OBJECT_ACTIONS: Record<Access, readonly string[]> = {
  read: ['s3:GetObject'],
  append: ['s3:GetObject', 's3:PutObject'],
  write: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

export class SecureBucket extends s3.Bucket {
  private readonly key: kms.IKey;
  /** The scan of every new object, when the bucket takes files from outside. */
  readonly malwareProtection?: MalwareProtection;

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
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.browserTransfers === true && {
        cors: [
          {
            allowedMethods: BROWSER_TRANSFER_CORS.methods.map((method) => s3.HttpMethods[method]),
            allowedOrigins: [...BROWSER_TRANSFER_CORS.origins],
            allowedHeaders: [...BROWSER_TRANSFER_CORS.headers],
            exposedHeaders: [...BROWSER_TRANSFER_CORS.exposedHeaders],
            maxAge: BROWSER_TRANSFER_CORS.maxAgeSeconds,
          },
        ],
      }),
      ...(props.writeOnceYears !== undefined && {
        objectLockEnabled: true,
        objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(365 * props.writeOnceYears)),
      }),
    });
    this.key = props.encryptionKey;
    this.logTo(props.accessLogBucket, props.accessLogPrefix);
    if (props.malwareScan === true) this.malwareProtection = new MalwareProtection(this, 'MalwareProtection', { bucket: this, encryptionKey: props.encryptionKey });
  }

  /** Object-level access, narrower than `grantRead`/`grantReadWrite` (which add `s3:GetObject*`, `s3:GetBucket*`, `s3:List*`). */
  grantObjects(grantee: iam.IGrantable & Construct, access: Access): void {
    // Whoever reads a scanned bucket reads the scanner's verdict too, before releasing an object.
    const actions = this.malwareProtection ? [...OBJECT_ACTIONS[access], 's3:GetObjectTagging'] : OBJECT_ACTIONS[access];
    this.grantObjectActions(grantee, actions, access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey']);
  }

  /** Object-level read of the keys under one prefix (a workflow's item reader). */
  grantObjectReadUnder(grantee: iam.IGrantable & Construct, prefix: string): void {
    this.grantObjectActions(grantee, OBJECT_ACTIONS.read, ['kms:Decrypt'], `${prefix}*`);
  }

  /**
   * Server access logging to the foundation's access-log bucket. `serverAccessLogsBucket` would do it within one
   * stack; from another stack it lets S3 logging write there on behalf of any bucket. Here S3 logging may write
   * this bucket's logs, under its prefix, on behalf of this bucket of this account only.
   */
  private logTo(accessLogBucket: s3.Bucket, prefix: string): void {
    (this.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: accessLogBucket.bucketName, logFilePrefix: prefix };
    accessLogBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [accessLogBucket.arnForObjects(`${prefix}*`)],
        conditions: { ArnLike: { 'aws:SourceArn': this.bucketArn }, StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
  }

  private grantObjectActions(grantee: iam.IGrantable & Construct, objectActions: readonly string[], keyActions: string[], keys = '*'): void {
    // Listing tells a missing object (404) from a forbidden one (403); a prefix-scoped reader has no need of it.
    if (keys === '*') {
      grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucketArn] }));
    }
    const objects = this.arnForObjects(keys);
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...objectActions], resources: [objects] }));
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: keyActions, resources: [this.key.keyArn] }));
    acknowledgeWildcardResource(
      grantee,
      objects,
      keys === '*'
        ? 'Object keys are chosen at run time (one per uploaded document); the grant is limited to this one bucket.'
        : `Object keys under ${keys} are chosen at run time (one per import); the grant is limited to that prefix of this one bucket.`,
    );
  }
}
