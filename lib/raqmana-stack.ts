// The Raqmana stack: what the platform description declares (tables, buckets, workflows, functions and their
// routes), plus what every service shares: the KMS key, the user pool, the HTTP API, alarms and the dashboard.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ROLES } from '../functions/shared/auth/roles.ts';
import { routeKey } from '../functions/shared/http/route-contract.ts';
import { IDEMPOTENCY_TABLE, type Access, type PlatformDescription } from '../functions/shared/service-description.ts';
import { ApiFunction, type ApiFunctionProps } from './constructs/api-function.ts';
import { pascalCase } from './constructs/construct-ids.ts';
import { DeployHook } from './constructs/deploy-hook.ts';
import { Operations } from './constructs/operations.ts';
import { PlatformApi } from './constructs/platform-api.ts';
import { PlatformTable } from './constructs/platform-table.ts';
import { SecureBucket } from './constructs/secure-bucket.ts';
import { UserDirectory } from './constructs/user-directory.ts';
import { Workflow, type WorkflowSubstitution } from './constructs/workflow.ts';

/** Paths of the description (entries, ASL files) are relative to the repository root. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RaqmanaStackProps extends StackProps {
  readonly platform: PlatformDescription;
}

export class RaqmanaStack extends Stack {
  constructor(scope: Construct, id: string, props: RaqmanaStackProps) {
    super(scope, id, props);
    const { platform } = props;

    const key = this.createPlatformKey();

    const tables = new Map<string, PlatformTable>();
    for (const table of [...platform.sharedTables, ...platform.services.flatMap((service) => service.tables ?? [])]) {
      register(tables, 'table', table.id, () => new PlatformTable(this, `${pascalCase(table.id)}Table`, { description: table, encryptionKey: key }));
    }

    const buckets = new Map<string, SecureBucket>();
    const bucketDescriptions = platform.services.flatMap((service) => service.buckets ?? []);
    // Only with buckets to log: an access-log bucket that no bucket logs to would itself be an unlogged bucket.
    if (bucketDescriptions.length > 0) {
      const accessLogBucket = this.createAccessLogBucket();
      for (const bucket of bucketDescriptions) {
        register(buckets, 'bucket', bucket.id, () =>
          new SecureBucket(this, `${pascalCase(bucket.id)}Bucket`, {
            encryptionKey: key,
            accessLogBucket,
            accessLogPrefix: `${bucket.id}/`,
            writeOnceYears: bucket.writeOnceYears,
          }),
        );
      }
    }

    const signingKeys = new Map<string, kms.Key>();
    for (const signingKey of platform.services.flatMap((service) => service.signingKeys ?? [])) {
      register(signingKeys, 'signing key', signingKey.id, () =>
        new kms.Key(this, `${pascalCase(signingKey.id)}SigningKey`, {
          description: `Raqmana: ${signingKey.description}`,
          keySpec: kms.KeySpec.ECC_NIST_P256,
          keyUsage: kms.KeyUsage.SIGN_VERIFY,
          // Documents signed with it must stay verifiable after the stack is gone.
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
    }

    // Functions start machines by name-derived ARN: a machine that invokes the function starting it would
    // otherwise be a circular reference.
    const stateMachineNames = new Map<string, string>();
    for (const machine of platform.services.flatMap((service) => service.stateMachines ?? [])) {
      register(stateMachineNames, 'state machine', machine.id, () => `${this.stackName}-${machine.id}`);
    }

    const directory = new UserDirectory(this, 'Users', { roles: ROLES });
    const api = new PlatformApi(this, 'Http', {
      jwtIssuer: directory.issuer,
      jwtAudience: directory.client.userPoolClientId,
      logEncryptionKey: key,
    });

    const services = platform.services.map((service) => ({ service, scope: new Construct(this, pascalCase(service.name)) }));

    const functions = new Map<string, ApiFunction>();
    for (const { service, scope } of services) {
      for (const fn of service.functions) {
        const user = `Function ${fn.id}`;
        const tableAccess = new Map<string, Access>(Object.entries(fn.tables ?? {}));
        // Powertools idempotency records the first response of each `Idempotency-Key` in the shared table.
        if (fn.route?.idempotent === true) tableAccess.set(IDEMPOTENCY_TABLE.id, 'write');
        const functionProps: ApiFunctionProps = {
          entry: join(REPO_ROOT, fn.entry),
          projectRoot: REPO_ROOT,
          serviceName: service.name,
          description: `${service.name}: ${fn.route === undefined ? fn.id : routeKey(fn.route)}`,
          memoryMb: fn.memoryMb,
          timeoutSeconds: fn.timeoutSeconds,
          packageFiles: fn.packageFiles,
          logEncryptionKey: key,
          tables: [...tableAccess].map(([tableId, access]) => ({ id: tableId, table: lookup(tables, 'table', tableId, user), access })),
          buckets: Object.entries(fn.buckets ?? {}).map(([bucketId, access]) => ({
            id: bucketId,
            bucket: lookup(buckets, 'bucket', bucketId, user),
            access,
          })),
          signingKeys: Object.entries(fn.signingKeys ?? {}).map(([keyId, access]) => ({ id: keyId, key: lookup(signingKeys, 'signing key', keyId, user), access })),
          startsStateMachines: (fn.startsStateMachines ?? []).map((machineId) => ({
            id: machineId,
            stateMachine: sfn.StateMachine.fromStateMachineName(
              scope,
              `${fn.id}Starts${pascalCase(machineId)}`,
              lookup(stateMachineNames, 'state machine', machineId, user),
            ),
          })),
        };
        const apiFunction = register(functions, 'function', fn.id, () => new ApiFunction(scope, fn.id, functionProps));
        if (fn.route !== undefined) api.addRoute(fn.route, apiFunction.function);
        if (fn.runsOnDeploy === true) {
          new DeployHook(scope, `${fn.id}OnDeploy`, { function: apiFunction.function, logEncryptionKey: key });
        }
      }
    }

    // After every function exists, since a workflow may call a function of another service.
    const workflows: { id: string; stateMachine: sfn.IStateMachine }[] = [];
    for (const { service, scope } of services) {
      for (const machine of service.stateMachines ?? []) {
        const user = `State machine ${machine.id}`;
        const substitutions = Object.fromEntries(
          Object.entries(machine.substitutions ?? {}).map(([placeholder, target]): [string, WorkflowSubstitution] => [
            placeholder,
            'functionId' in target
              ? { function: lookup(functions, 'function', target.functionId, user).function }
              : 'tableId' in target
                ? { table: lookup(tables, 'table', target.tableId, user) }
                : { bucket: lookup(buckets, 'bucket', target.bucketId, user), readsPrefix: target.readsPrefix },
          ]),
        );
        const workflow = new Workflow(scope, `${pascalCase(machine.id)}Workflow`, {
          stateMachineName: lookup(stateMachineNames, 'state machine', machine.id, user),
          definitionFile: join(REPO_ROOT, machine.definitionFile),
          substitutions,
          logEncryptionKey: key,
          schedule: machine.schedule,
        });
        workflows.push({ id: machine.id, stateMachine: workflow.stateMachine });
      }
    }

    new Operations(this, 'Operations', {
      dashboardName: this.stackName,
      encryptionKey: key,
      api: api.api,
      functions: services.flatMap(({ service }) => service.functions.map((fn) => ({ id: fn.id, service: service.name, function: functions.get(fn.id)!.function }))),
      tables: [...tables].map(([tableId, table]) => ({ id: tableId, table })),
      workflows,
      httpServices: services.filter(({ service }) => service.functions.some((fn) => fn.route)).map(({ service }) => service.name),
      metricAlarms: platform.services.flatMap((service) => (service.alarms ?? []).map((alarm) => ({ service: service.name, ...alarm }))),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: directory.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: directory.client.userPoolClientId });
  }

  private createPlatformKey(): kms.Key {
    const key = new kms.Key(this, 'PlatformKey', {
      description: 'Raqmana: encrypts tables, buckets, log groups and the alarm topic',
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
    return key;
  }

  private createAccessLogBucket(): s3.Bucket {
    return new s3.Bucket(this, 'AccessLogBucket', {
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
  }
}

/** Builds a resource once its id is known to be unique, so a duplicate fails with a message naming it. */
function register<T>(registry: Map<string, T>, kind: string, id: string, build: () => T): T {
  if (registry.has(id)) throw new Error(`The platform description declares ${kind} "${id}" twice`);
  const value = build();
  registry.set(id, value);
  return value;
}

function lookup<T>(registry: ReadonlyMap<string, T>, kind: string, id: string, user: string): T {
  const value = registry.get(id);
  if (value === undefined) throw new Error(`${user} refers to ${kind} "${id}", which the platform description does not declare`);
  return value;
}
