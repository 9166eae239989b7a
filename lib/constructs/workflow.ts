// A platform workflow: a Standard state machine from an ASL file, logging every event to an encrypted log group,
// traced, allowed to call only the functions and tables its definition names, and optionally run on a schedule.
import { readFileSync } from 'node:fs';
import { ArnFormat, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { wildcardFinding } from './nag-findings.ts';
import type { PlatformTable } from './platform-table.ts';
import type { SecureBucket } from './secure-bucket.ts';

/** What a `${Placeholder}` of the ASL file stands for; a bucket's objects under `readsPrefix` are read by the workflow. */
export type WorkflowSubstitution =
  | { readonly function: lambda.IFunction }
  | { readonly table: PlatformTable }
  | { readonly bucket: SecureBucket; readonly readsPrefix: string };

export interface WorkflowProps {
  /** Physical name; known before the machine exists, so functions can start it without a circular reference. */
  readonly stateMachineName: string;
  /** Absolute path of the ASL JSON file. */
  readonly definitionFile: string;
  readonly substitutions?: Readonly<Record<string, WorkflowSubstitution>>;
  readonly logEncryptionKey: kms.IKey;
  /** A `rate(...)` or `cron(...)` expression, read in Morocco's time zone, and the input of each run. */
  readonly schedule?: { readonly expression: string; readonly input?: Readonly<Record<string, unknown>> };
}

export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      // The vended-logs prefix keeps Step Functions from adding one CloudWatch Logs resource policy per machine,
      // a policy whose size limit would otherwise cap the number of workflows.
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logEncryptionKey,
    });

    const substitutions = Object.entries(props.substitutions ?? {});
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromFile(props.definitionFile),
      definitionSubstitutions: Object.fromEntries(
        substitutions.map(([placeholder, target]) => [
          placeholder,
          'function' in target ? target.function.functionArn : 'table' in target ? target.table.tableName : target.bucket.bucketName,
        ]),
      ),
      // Every event, but without state input and output: those carry citizens' personal data (civil ids).
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    const role = this.stateMachine.role;

    for (const [, target] of substitutions) {
      if ('function' in target) {
        // The unqualified ARN only: `grantInvoke` would add `<arn>:*` (every version), which no workflow uses.
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.function.functionArn] }),
        );
      } else if ('table' in target) {
        target.table.grantAccess(role, 'write', 'workflow');
      } else {
        target.bucket.grantObjectReadUnder(role, target.readsPrefix);
      }
    }
    if (usesDistributedMap(props.definitionFile)) this.allowChildExecutions(props.stateMachineName);
    Validations.of(role).acknowledge({
      id: wildcardFinding('Resource::*'),
      reason:
        'CloudWatch Logs delivery (logs:*LogDelivery, PutResourcePolicy, Describe*) and X-Ray actions support no resource-level permissions.',
    });

    if (props.schedule !== undefined) {
      const schedulerRole = new iam.Role(this, 'SchedulerRole', {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': this.stateMachine.env.account } },
        }),
      });
      new scheduler.Schedule(this, 'Schedule', {
        description: `Starts ${props.stateMachineName}`,
        // Cron expressions of the descriptions mean commune office hours, i.e. Moroccan time.
        schedule: scheduler.ScheduleExpression.expression(props.schedule.expression, TimeZone.AFRICA_CASABLANCA),
        // Given its own role, the target grants it `states:StartExecution` on this machine and nothing else.
        target: new targets.StepFunctionsStartExecution(this.stateMachine, {
          role: schedulerRole,
          input: props.schedule.input === undefined ? undefined : scheduler.ScheduleTargetInput.fromObject(props.schedule.input),
        }),
      });
    }
  }

  /**
   * A Distributed Map runs its items as child executions of this very machine: it must start them and, to follow
   * or stop them, describe and stop executions of this machine (a map run's children are named
   * `<machine>/<map run>:<id>`). Nothing beyond this machine's own executions.
   */
  private allowChildExecutions(stateMachineName: string): void {
    // ARNs from the name, not from the machine: the machine depends on its role's policy, which may not depend on it.
    const arnOf = (resource: string, resourceName: string) =>
      Stack.of(this).formatArn({ service: 'states', resource, resourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const executions = (name: string) => arnOf('execution', name);
    const role = this.stateMachine.role;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [arnOf('stateMachine', stateMachineName)] }));
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [executions(`${stateMachineName}:*`), executions(`${stateMachineName}/*`)],
      }),
    );
    for (const pattern of [`${stateMachineName}:*`, `${stateMachineName}/*`]) {
      Validations.of(role).acknowledge({
        id: wildcardFinding(`Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${pattern}`),
        reason: "Executions are named at run time; the grant covers this machine's own executions (the Distributed Map's child runs) only.",
      });
    }
  }
}

/** Whether the ASL file has a Map state in DISTRIBUTED mode, which runs child executions of its own machine. */
function usesDistributedMap(definitionFile: string): boolean {
  return /"Mode"\s*:\s*"DISTRIBUTED"/.test(readFileSync(definitionFile, 'utf8'));
}
