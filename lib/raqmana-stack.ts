// The Raqmana stack: the foundation every service shares (the platform KMS key, the user directory, the HTTP API
// and its JWT authorizer, the shared tables, the access-log bucket, the alarm topic and the dashboard) and one
// nested stack per service of the platform description, in an order where each comes after those it uses.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { ROLES } from '../functions/shared/auth/roles.ts';
import type { PlatformDescription } from '../functions/shared/service-description.ts';
import { AlarmTopic } from './constructs/alarm-topic.ts';
import type { ApiFunction } from './constructs/api-function.ts';
import type { OutboxRouter } from './constructs/outbox-router.ts';
import { pascalCase } from './constructs/construct-ids.ts';
import { Operations } from './constructs/operations.ts';
import { PlatformApi } from './constructs/platform-api.ts';
import { PlatformTable } from './constructs/platform-table.ts';
import { Registry } from './constructs/registry.ts';
import type { SecureBucket } from './constructs/secure-bucket.ts';
import { orderServices } from './constructs/service-order.ts';
import { ServiceStack, type PlatformResources } from './constructs/service-stack.ts';
import { UserDirectory } from './constructs/user-directory.ts';

/** Paths of the description (entries, ASL files) are relative to the repository root. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RaqmanaStackProps extends StackProps {
  readonly platform: PlatformDescription;
}

export class RaqmanaStack extends Stack {
  /** The nested stack of each service, by service name, in the order they are built. */
  readonly serviceStacks: ReadonlyMap<string, ServiceStack>;

  constructor(scope: Construct, id: string, props: RaqmanaStackProps) {
    super(scope, id, props);
    const { platform } = props;
    // First, so that a reference to nothing, or a cycle between services, fails before anything is built.
    const services = orderServices(platform);

    const key = this.createPlatformKey();
    const directory = new UserDirectory(this, 'Users', { roles: ROLES });
    const api = new PlatformApi(this, 'Http', {
      jwtIssuer: directory.issuer,
      jwtAudience: directory.client.userPoolClientId,
      logEncryptionKey: key,
    });
    const alarms = new AlarmTopic(this, 'Alarms', { encryptionKey: key });

    const tables = new Registry<PlatformTable>('table');
    for (const table of platform.sharedTables) {
      tables.add(table.id, () => new PlatformTable(this, `${pascalCase(table.id)}Table`, { description: table, encryptionKey: key }));
    }
    // Functions and workflows have physical names: functions start machines by name-derived ARN (a machine that
    // invokes the function starting it would otherwise be a circular reference), and the dashboard graphs both by name.
    const physicalName = (resourceId: string) => `${this.stackName}-${resourceId}`;
    const stateMachineNames = new Registry<string>('state machine');
    for (const machine of services.flatMap((service) => service.stateMachines ?? [])) {
      stateMachineNames.add(machine.id, () => physicalName(machine.id));
    }
    // Only once a bucket asks for it: an access-log bucket that no bucket logs to would itself be an unlogged bucket.
    let accessLogBucket: s3.Bucket | undefined;
    // The sender of the platform's e-mail (`cdk deploy -c emailFromAddress=no-reply@commune.ma`), on an SES identity
    // verified beforehand; without it no function is given an address or SES rights, and none sends e-mail.
    const emailFromAddress = this.node.tryGetContext('emailFromAddress') as string | undefined;
    const resources: PlatformResources = {
      repositoryRoot: REPO_ROOT,
      ...(emailFromAddress && { emailFromAddress }),
      physicalName,
      encryptionKey: key,
      api,
      alarms,
      accessLogBucket: () => (accessLogBucket ??= this.createAccessLogBucket()),
      tables,
      outboxes: new Registry<OutboxRouter>('outbox'),
      buckets: new Registry<SecureBucket>('bucket'),
      signingKeys: new Registry<kms.IKey>('signing key'),
      functions: new Registry<ApiFunction>('function'),
      stateMachineNames,
    };
    const serviceStacks = services.map((service) => new ServiceStack(this, `${pascalCase(service.name)}Service`, { service, platform: resources }));
    this.serviceStacks = new Map(serviceStacks.map((serviceStack) => [serviceStack.service.name, serviceStack]));

    new Operations(this, 'Operations', {
      dashboardName: this.stackName,
      alarms,
      api: api.api,
      tables: [
        ...platform.sharedTables.map((table) => ({ id: table.id, table: tables.get(table.id, 'The dashboard') })),
        ...serviceStacks.flatMap((serviceStack) => serviceStack.tables),
      ],
      workflows: stateMachineNames.entriesList().map(([machineId, name]) => ({ id: machineId, name })),
      httpServices: services.filter((service) => service.functions.some((fn) => fn.route)).map((service) => service.name),
      deadLetterQueues: serviceStacks.flatMap((serviceStack) => serviceStack.deadLetterQueues),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: directory.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: directory.client.userPoolClientId });
  }

  private createPlatformKey(): kms.Key {
    const key = new kms.Key(this, 'PlatformKey', {
      description: 'Raqmana: encrypts tables, buckets, queues, topics, log groups and the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts with the key itself, on behalf of this account's log groups only.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': this.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    // SNS encrypts what the outbox topics deliver into the consumers' queues (KMS-encrypted) with the key, for
    // this account's topics only. A statement naming each topic would make this stack depend on the services' ones.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSnsToDeliverToEncryptedQueuesOfThisAccount',
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: { 'aws:SourceArn': this.formatArn({ service: 'sns', resource: `${this.stackName}-*`, arnFormat: ArnFormat.NO_RESOURCE_NAME }) },
        },
      }),
    );
    return key;
  }

  private createAccessLogBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogBucket', {
      // S3 server access logging cannot deliver to an SSE-KMS bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // cdk-nag exempts a bucket that others log to only when they are in its own stack; these are in the nested ones.
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "This is the access-log bucket: every service bucket logs to it from its nested stack, and logging it into itself would log each delivery's log.",
    });
    return bucket;
  }
}
