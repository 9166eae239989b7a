// What operators watch: alarms on every function, workflow and the API, sent to one encrypted SNS topic, and
// one dashboard of the whole platform.
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { pascalCase } from './construct-ids.ts';

export interface OperationsProps {
  readonly dashboardName: string;
  readonly encryptionKey: kms.IKey;
  readonly api: apigwv2.HttpApi;
  readonly functions: readonly { readonly id: string; readonly service: string; readonly function: lambda.IFunction }[];
  readonly tables: readonly { readonly id: string; readonly table: dynamodb.ITable }[];
  readonly workflows: readonly { readonly id: string; readonly stateMachine: sfn.IStateMachine }[];
  /** Services with HTTP routes: their handlers count the 500s they answer in `ServerErrors` (namespace Raqmana). */
  readonly httpServices: readonly string[];
  /** Business metrics of the services (namespace Raqmana), alarmed when above 0. */
  readonly metricAlarms: readonly { readonly service: string; readonly metricName: string; readonly description: string }[];
}

const FIVE_MINUTES = Duration.minutes(5);
/** CloudWatch alarms on metric math take at most 10 metrics. */
const METRICS_PER_ALARM = 10;

export class Operations extends Construct {
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Raqmana alarms',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    // Without it, alarms on a topic encrypted with a customer-managed key fail to publish, silently.
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.alarmWhenPositive('Api5xx', props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), 'The API answered 5xx');
    // One alarm per service (per 10 functions) rather than per function: a stack holds at most 500 resources, and
    // the dashboard's per-function graphs show which one it was.
    for (const service of new Set(props.functions.map((fn) => fn.service))) {
      const ofService = props.functions.filter((fn) => fn.service === service);
      for (let start = 0; start < ofService.length; start += METRICS_PER_ALARM) {
        const group = ofService.slice(start, start + METRICS_PER_ALARM);
        const suffix = start === 0 ? '' : String(start / METRICS_PER_ALARM + 1);
        this.alarmWhenPositive(
          `${pascalCase(service)}FunctionErrors${suffix}`,
          new cloudwatch.MathExpression({
            expression: `SUM([${group.map((_, index) => `e${index}`).join(',')}])`,
            usingMetrics: Object.fromEntries(group.map(({ function: fn }, index) => [`e${index}`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })])),
            period: FIVE_MINUTES,
          }),
          `A function of ${service} threw errors (${group.map((fn) => fn.id).join(', ')})`,
        );
      }
    }
    // A 500 the handler chain answers is a successful invocation for Lambda, so the Errors alarms above never see it;
    // the chain counts it in ServerErrors, by service (Powertools' default dimension).
    for (const service of props.httpServices) {
      this.alarmWhenPositive(`${pascalCase(service)}ServerErrors`, serverErrors(service, FIVE_MINUTES), `A route of ${service} answered 500 (see its function logs)`);
    }
    // Throttling is a limit of the account (concurrency), so one account-wide alarm covers every function.
    this.alarmWhenPositive(
      'LambdaThrottles',
      new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: FIVE_MINUTES, statistic: 'Sum' }),
      'Lambda throttled invocations: raise the account concurrency or reserve some for the platform',
    );
    for (const { id: workflowId, stateMachine } of props.workflows) {
      this.alarmWhenPositive(
        `${workflowId}ExecutionsFailed`,
        stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
        `An execution of ${workflowId} failed`,
      );
    }

    for (const alarm of props.metricAlarms) {
      this.alarmWhenPositive(
        alarm.metricName,
        new cloudwatch.Metric({ namespace: 'Raqmana', metricName: alarm.metricName, dimensionsMap: { service: alarm.service }, period: FIVE_MINUTES, statistic: 'Sum' }),
        alarm.description,
      );
    }

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    addRow(
      dashboard,
      graph('API requests', [props.api.metricCount({ statistic: 'Sum' })]),
      graph('API latency', [
        props.api.metricLatency({ statistic: 'p50', label: 'p50' }),
        props.api.metricLatency({ statistic: 'p99', label: 'p99' }),
      ]),
      graph('API 4xx', [props.api.metricClientError({ statistic: 'Sum' })]),
      graph('API 5xx', [props.api.metricServerError({ statistic: 'Sum' })]),
    );
    if (props.httpServices.length > 0) {
      addRow(dashboard, graph('Handled 500s (ServerErrors)', props.httpServices.map((service) => serverErrors(service, undefined, service))));
    }
    // A widget without metrics is rejected by CloudWatch, so empty groups get no row.
    if (props.functions.length > 0) {
      addRow(
        dashboard,
        graph('Function errors', props.functions.map(({ id: label, function: fn }) => fn.metricErrors({ label, statistic: 'Sum' }))),
        graph('Function duration p99', props.functions.map(({ id: label, function: fn }) => fn.metricDuration({ label, statistic: 'p99' }))),
        graph('Function throttles', props.functions.map(({ id: label, function: fn }) => fn.metricThrottles({ label, statistic: 'Sum' }))),
      );
    }
    if (props.tables.length > 0) {
      addRow(
        dashboard,
        graph(
          'Table consumed capacity',
          props.tables.flatMap(({ id, table }) => [
            table.metricConsumedReadCapacityUnits({ label: `${id} read`, statistic: 'Sum' }),
            table.metricConsumedWriteCapacityUnits({ label: `${id} write`, statistic: 'Sum' }),
          ]),
        ),
        graph(
          'Table throttles',
          props.tables.flatMap(({ id, table }) => [
            table.metric('ReadThrottleEvents', { label: `${id} read`, statistic: 'Sum' }),
            table.metric('WriteThrottleEvents', { label: `${id} write`, statistic: 'Sum' }),
          ]),
        ),
      );
    }
    if (props.workflows.length > 0) {
      addRow(
        dashboard,
        graph('Workflows started', props.workflows.map(({ id: label, stateMachine }) => stateMachine.metricStarted({ label, statistic: 'Sum' }))),
        graph('Workflows failed', props.workflows.map(({ id: label, stateMachine }) => stateMachine.metricFailed({ label, statistic: 'Sum' }))),
      );
    }
  }

  private alarmWhenPositive(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }
}

function serverErrors(service: string, period?: Duration, label?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'Raqmana',
    metricName: 'ServerErrors',
    dimensionsMap: { service },
    statistic: 'Sum',
    ...(period && { period }),
    ...(label && { label }),
  });
}

interface Graph {
  readonly title: string;
  readonly metrics: cloudwatch.IMetric[];
}

function graph(title: string, metrics: cloudwatch.IMetric[]): Graph {
  return { title, metrics };
}

/** One dashboard row: its graphs share the 24-column width. */
function addRow(dashboard: cloudwatch.Dashboard, ...graphs: Graph[]): void {
  const width = Math.floor(24 / graphs.length);
  dashboard.addWidgets(...graphs.map(({ title, metrics }) => new cloudwatch.GraphWidget({ title, left: metrics, width })));
}
