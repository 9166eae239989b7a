// One service's nested stack: what its description declares (tables, buckets, signing keys, functions with their
// roles, log groups and routes, deploy hooks, event consumers, workflows and their schedules), the topic and router
// of each of its outbox tables, and its alarms.
// What it uses of the foundation or of a service built before it, CDK hands over through the parent stack.
import { join } from 'node:path';
import { NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { routeKey } from '../../functions/shared/http/route-contract.ts';
import { IDEMPOTENCY_TABLE, type Access, type FunctionDescription, type ServiceDescription } from '../../functions/shared/service-description.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { ApiFunction } from './api-function.ts';
import { pascalCase } from './construct-ids.ts';
import { DeployHook } from './deploy-hook.ts';
import type { PlatformApi } from './platform-api.ts';
import { OutboxRouter } from './outbox-router.ts';
import { PlatformTable } from './platform-table.ts';
import type { Registry } from './registry.ts';
import { SecureBucket } from './secure-bucket.ts';
import { serviceDashboard } from './operations.ts';
import { ServiceAlarms } from './service-alarms.ts';
import { Workflow, type WorkflowSubstitution } from './workflow.ts';

/** What the foundation stack and the services built so far offer to the next service's stack. */
export interface PlatformResources {
  /** Paths of the description (entries, ASL files) are relative to it. */
  readonly repositoryRoot: string;
  /** The physical name of a function or workflow of this deployment: `<top stack name>-<id>`. */
  readonly physicalName: (id: string) => string;
  readonly encryptionKey: kms.IKey;
  readonly api: PlatformApi;
  readonly alarms: AlarmTopic;
  /** The foundation's bucket for server access logs, made when a first bucket asks for it. */
  readonly accessLogBucket: () => s3.Bucket;
  readonly tables: Registry<PlatformTable>;
  /** The topic and router of each outbox table, by table id. */
  readonly outboxes: Registry<OutboxRouter>;
  readonly buckets: Registry<SecureBucket>;
  readonly signingKeys: Registry<kms.IKey>;
  /** The sender of the platform's e-mail (CDK context `emailFromAddress`); absent, no function sends e-mail. */
  readonly emailFromAddress?: string;
  readonly functions: Registry<ApiFunction>;
  /** Physical names of every workflow of the platform, known before any is built. */
  readonly stateMachineNames: Registry<string>;
}

const MAX_FUNCTION_NAME_LENGTH = 64;

function functionName(platform: PlatformResources, functionId: string): string {
  const name = platform.physicalName(functionId);
  if (name.length > MAX_FUNCTION_NAME_LENGTH) {
    throw new Error(`Function ${functionId} would be named "${name}", longer than Lambda's ${MAX_FUNCTION_NAME_LENGTH} characters: shorten its id or the stack's name`);
  }
  return name;
}

export interface ServiceStackProps {
  readonly service: ServiceDescription;
  readonly platform: PlatformResources;
}

export class ServiceStack extends NestedStack {
  readonly service: ServiceDescription;
  readonly functions: { readonly id: string; readonly name: string; readonly function: lambda.IFunction }[] = [];
  readonly tables: { readonly id: string; readonly table: dynamodb.ITable }[] = [];
  readonly deadLetterQueues: { readonly consumerId: string; readonly queue: sqs.IQueue }[] = [];

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, { description: `Raqmana: the ${props.service.name} service` });
    const { service, platform } = props;
    this.service = service;

    for (const table of service.tables ?? []) {
      const built = platform.tables.add(table.id, () => new PlatformTable(this, `${pascalCase(table.id)}Table`, { description: table, encryptionKey: platform.encryptionKey }));
      this.tables.push({ id: table.id, table: built });
      if (table.outbox === true) this.addOutboxRouter(built, platform);
    }
    for (const bucket of service.buckets ?? []) {
      platform.buckets.add(bucket.id, () =>
        new SecureBucket(this, `${pascalCase(bucket.id)}Bucket`, {
          encryptionKey: platform.encryptionKey,
          accessLogBucket: platform.accessLogBucket(),
          accessLogPrefix: `${bucket.id}/`,
          writeOnceYears: bucket.writeOnceYears,
          malwareScan: bucket.malwareScan,
          browserTransfers: bucket.browserTransfers,
        }),
      );
    }
    for (const signingKey of service.signingKeys ?? []) {
      platform.signingKeys.add(signingKey.id, () =>
        new kms.Key(this, `${pascalCase(signingKey.id)}SigningKey`, {
          description: `Raqmana: ${signingKey.description}`,
          keySpec: kms.KeySpec.ECC_NIST_P256,
          keyUsage: kms.KeyUsage.SIGN_VERIFY,
          // Documents signed with it must stay verifiable after the stack is gone.
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
    }

    for (const fn of service.functions) {
      const name = functionName(platform, fn.id);
      const apiFunction = platform.functions.add(fn.id, () => this.buildFunction(fn, name, platform));
      this.functions.push({ id: fn.id, name, function: apiFunction.function });
      if (apiFunction.deadLetterQueue !== undefined) this.deadLetterQueues.push({ consumerId: fn.id, queue: apiFunction.deadLetterQueue });
      if (fn.route !== undefined) platform.api.addRoute(apiFunction, fn.route, apiFunction.function);
      if (fn.runsOnDeploy === true) {
        new DeployHook(this, `${fn.id}OnDeploy`, { function: apiFunction.function, logEncryptionKey: platform.encryptionKey });
      }
    }

    // After the service's functions, which its workflows call (a workflow may also call a function of a service built before).
    const workflows: { readonly id: string; readonly stateMachine: sfn.IStateMachine }[] = [];
    for (const machine of service.stateMachines ?? []) {
      const user = `State machine ${machine.id}`;
      const substitutions = Object.fromEntries(
        Object.entries(machine.substitutions ?? {}).map(([placeholder, target]): [string, WorkflowSubstitution] => [
          placeholder,
          'functionId' in target
            ? { function: platform.functions.get(target.functionId, user).function }
            : 'tableId' in target
              ? { table: platform.tables.get(target.tableId, user) }
              : { bucket: platform.buckets.get(target.bucketId, user), readsPrefix: target.readsPrefix },
        ]),
      );
      const workflow = new Workflow(this, `${pascalCase(machine.id)}Workflow`, {
        stateMachineName: platform.stateMachineNames.get(machine.id, user),
        definitionFile: join(platform.repositoryRoot, machine.definitionFile),
        substitutions,
        logEncryptionKey: platform.encryptionKey,
        schedule: machine.schedule,
      });
      workflows.push({ id: machine.id, stateMachine: workflow.stateMachine });
    }

    serviceDashboard(this, platform.physicalName(pascalCase(service.name)), service.name, this.functions);
    new ServiceAlarms(this, 'Alarms', {
      service: service.name,
      alarms: platform.alarms,
      functions: this.functions,
      servesRoutes: service.functions.some((fn) => fn.route !== undefined),
      workflows,
      metricAlarms: service.alarms ?? [],
      deadLetterQueues: this.deadLetterQueues,
    });
  }

  /** The one reader of the table's stream: its topic and router, in the table's stack. */
  private addOutboxRouter(table: PlatformTable, platform: PlatformResources): void {
    const routerId = `${pascalCase(table.description.id)}OutboxRouter`;
    const name = functionName(platform, routerId);
    const outbox = platform.outboxes.add(table.description.id, () =>
      new OutboxRouter(this, `${pascalCase(table.description.id)}Outbox`, {
        table,
        functionName: name,
        topicName: `${platform.physicalName(`${pascalCase(table.description.id)}Events`)}.fifo`,
        repositoryRoot: platform.repositoryRoot,
        serviceName: this.service.name,
        encryptionKey: platform.encryptionKey,
      }),
    );
    this.functions.push({ id: routerId, name, function: outbox.router.function });
    this.deadLetterQueues.push({ consumerId: routerId, queue: outbox.deadLetterQueue });
  }

  private buildFunction(fn: FunctionDescription, functionName: string, platform: PlatformResources): ApiFunction {
    const user = `Function ${fn.id}`;
    const tableAccess = new Map<string, Access>(Object.entries(fn.tables ?? {}));
    // Powertools idempotency records the first response of each `Idempotency-Key` in the shared table.
    if (fn.route?.idempotent === true) tableAccess.set(IDEMPOTENCY_TABLE.id, 'write');
    return new ApiFunction(this, fn.id, {
      functionName,
      entry: join(platform.repositoryRoot, fn.entry),
      projectRoot: platform.repositoryRoot,
      serviceName: this.service.name,
      description: `${this.service.name}: ${fn.route === undefined ? fn.id : routeKey(fn.route)}`,
      memoryMb: fn.memoryMb,
      timeoutSeconds: fn.timeoutSeconds,
      packageFiles: fn.packageFiles,
      ...(fn.generatedFiles && { generatedFilesOf: fn.id }),
      encryptionKey: platform.encryptionKey,
      tables: [...tableAccess].map(([tableId, access]) => ({ id: tableId, table: platform.tables.get(tableId, user), access })),
      buckets: Object.entries(fn.buckets ?? {}).map(([bucketId, access]) => ({ id: bucketId, bucket: platform.buckets.get(bucketId, user), access })),
      signingKeys: Object.entries(fn.signingKeys ?? {}).map(([keyId, access]) => ({ id: keyId, key: platform.signingKeys.get(keyId, user), access })),
      // By name-derived ARN: a machine may invoke the very function that starts it, or belong to a service built later.
      startsStateMachines: (fn.startsStateMachines ?? []).map((machineId) => ({
        id: machineId,
        stateMachine: sfn.StateMachine.fromStateMachineName(this, `${fn.id}Starts${pascalCase(machineId)}`, platform.stateMachineNames.get(machineId, user)),
      })),
      consumes: (fn.consumes ?? []).map((subscription) => ({ topic: platform.outboxes.get(subscription.tableId, user).topic, subscription })),
      ...(fn.sendsEmail === true && platform.emailFromAddress !== undefined && { sendsEmailFrom: platform.emailFromAddress }),
    });
  }
}
