// A platform Lambda function: bundled locally by esbuild as ESM for Node 24 on arm64, traced, logging JSON to its
// own encrypted log group, with a role that holds exactly the tables, buckets and workflows it is given; a consumer
// of domain events also gets its event queue, subscribed to its tables' topics, and a dead-letter queue.
import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  bucketEnvName,
  EMAIL_FROM_ENV,
  signingKeyEnvName,
  stateMachineEnvName,
  tableEnvName,
  type Access,
  type EventSubscription,
  type PackageFiles,
} from '../../functions/shared/service-description.ts';
import { consumerBatchSize } from '../../functions/shared/events/event-message.ts';
import { EventConsumer } from './event-consumer.ts';
import { cdkBundlingOptions } from './function-bundling.ts';
import { functionRoleAndLogs } from './function-role.ts';
import { wildcardFinding } from './nag-findings.ts';
import type { PlatformTable } from './platform-table.ts';
import type { SecureBucket } from './secure-bucket.ts';

export interface ApiFunctionProps {
  /** Physical name: the dashboard of the foundation stack graphs the function by it. */
  readonly functionName: string;
  /** Absolute path of the module exporting `handler`. */
  readonly entry: string;
  /** Directory holding `package-lock.json`; the entry must be inside it. */
  readonly projectRoot: string;
  /** Bounded context the function belongs to: its Powertools service name. */
  readonly serviceName: string;
  readonly description?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** The platform key: encrypts the function's log group and, for a consumer, its dead-letter queue. */
  readonly encryptionKey: kms.IKey;
  readonly tables?: readonly { readonly id: string; readonly table: PlatformTable; readonly access: Access }[];
  readonly buckets?: readonly { readonly id: string; readonly bucket: SecureBucket; readonly access: Access }[];
  readonly startsStateMachines?: readonly { readonly id: string; readonly stateMachine: sfn.IStateMachine }[];
  readonly packageFiles?: readonly PackageFiles[];
  /** The id of the description whose `generatedFiles` bin/write-generated-files.ts writes beside the bundle. */
  readonly generatedFilesOf?: string;
  /** Asymmetric KMS keys: `sign` may sign and read the public key, `verify` only read the public key. */
  readonly signingKeys?: readonly { readonly id: string; readonly key: kms.IKey; readonly access: 'sign' | 'verify' }[];
  /** Domain events the function handles, each subscription with its table's topic. */
  readonly consumes?: readonly { readonly topic: sns.ITopic; readonly subscription: EventSubscription }[];
  /** The sender address the function sends e-mail from: given to it, with `ses:SendEmail` on its domain's SES identity only. */
  readonly sendsEmailFrom?: string;
  /** Configuration beyond the platform's resources (a router's topic). */
  readonly environment?: Readonly<Record<string, string>>;
  /** The function reads a table's stream (an outbox router): its role calls `dynamodb:ListStreams`, which takes no resource. */
  readonly readsStream?: boolean;
}

/** Shell commands that copy package files read at run time into `node_modules/` beside the bundle. */
function copyPackageFiles(packages: readonly PackageFiles[], inputDir: string, outputDir: string): string[] {
  return packages.flatMap((packageFiles) =>
    packageFiles.files.flatMap((file) => {
      const from = `${inputDir}/node_modules/${packageFiles.package}/${file}`;
      const to = `${outputDir}/node_modules/${packageFiles.package}/${file}`;
      return [`mkdir -p "$(dirname "${to}")"`, `cp "${from}" "${to}"`];
    }),
  );
}

/** The Lambda runtime of every function; `npm test` runs on the same Node major (the `node` dev dependency). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  /** Where this function's event queue moves the messages it gave up, when it consumes events. */
  readonly deadLetterQueue?: sqs.IQueue;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    const { role, logGroup } = functionRoleAndLogs(this, '', props.encryptionKey);

    const environment: Record<string, string> = {
      SERVICE_NAME: props.serviceName,
      METRICS_NAMESPACE: 'Raqmana',
      // No --enable-source-maps: it cost 11-33 ms of every cold start (bench). The .map file ships beside the
      // bundle, so a stack trace can be decoded by setting NODE_OPTIONS=--enable-source-maps for a while.
    };
    for (const { id: tableId, table } of props.tables ?? []) environment[tableEnvName(tableId)] = table.tableName;
    for (const { id: bucketId, bucket } of props.buckets ?? []) environment[bucketEnvName(bucketId)] = bucket.bucketName;
    for (const { id: machineId, stateMachine } of props.startsStateMachines ?? []) {
      environment[stateMachineEnvName(machineId)] = stateMachine.stateMachineArn;
    }
    for (const { id: keyId, key } of props.signingKeys ?? []) environment[signingKeyEnvName(keyId)] = key.keyArn;
    if (props.sendsEmailFrom !== undefined) environment[EMAIL_FROM_ENV] = props.sendsEmailFrom;
    Object.assign(environment, props.environment);

    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      description: props.description,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment,
      bundling: {
        ...cdkBundlingOptions(),
        ...((props.packageFiles?.length || props.generatedFilesOf) && {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) => [
              ...copyPackageFiles(props.packageFiles ?? [], inputDir, outputDir),
              ...(props.generatedFilesOf ? [`cd "${inputDir}" && node --import tsx bin/write-generated-files.ts ${props.generatedFilesOf} "${outputDir}"`] : []),
            ],
          },
        }),
      },
    });

    const consumes = props.consumes ?? [];
    Validations.of(role).acknowledge({
      id: wildcardFinding('Resource::*'),
      reason:
        props.readsStream === true
          ? "X-Ray PutTraceSegments/PutTelemetryRecords and dynamodb:ListStreams (called by the stream's event poller) support no resource-level permissions; nothing else is granted on *."
          : 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; nothing else is granted on *.',
    });

    for (const { table, access } of props.tables ?? []) table.grantAccess(role, access, 'function');

    for (const { bucket, access } of props.buckets ?? []) bucket.grantObjects(role, access);

    for (const { stateMachine } of props.startsStateMachines ?? []) stateMachine.grantStartExecution(role);

    if (props.sendsEmailFrom !== undefined) {
      // SES authorizes SendEmail on the identity the sender belongs to: its domain's identity, nothing else.
      const domain = props.sendsEmailFrom.slice(props.sendsEmailFrom.lastIndexOf('@') + 1);
      const identity = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain });
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [identity] }));
    }

    for (const { key, access } of props.signingKeys ?? []) {
      key.grant(role, 'kms:GetPublicKey', ...(access === 'sign' ? ['kms:Sign'] : []));
    }

    if (consumes.length > 0) {
      const consumer = new EventConsumer(this, 'Consumer', {
        function: this.function,
        role,
        subscriptions: consumes,
        batchSize: consumerBatchSize(id, consumes.map(({ subscription }) => subscription)),
        functionTimeout: this.function.timeout ?? Duration.seconds(props.timeoutSeconds ?? 10),
        encryptionKey: props.encryptionKey,
      });
      this.deadLetterQueue = consumer.deadLetterQueue;
    }
  }
}
