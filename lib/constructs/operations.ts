// What operators watch across the platform, in the foundation stack: the alarms that belong to no one service (the
// API's 5xx, the account's Lambda throttles) and one dashboard of the API, every service's handled 500s, the tables,
// workflows and consumers. Each service's functions are graphed on a dashboard of its own, in its stack, with its
// alarms (service-alarms.ts): graphed here, 170 functions took the foundation's template past 500 KB with thirteen
// services.
//
// Workflows are graphed by their physical names, which the foundation knows: a reference to each resource of each
// nested stack would cost the foundation's template a parameter and an output each.
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.ts';
import { deadLetteredEvents, serverErrors } from './service-alarms.ts';

export interface OperationsProps {
  readonly dashboardName: string;
  readonly alarms: AlarmTopic;
  readonly api: apigwv2.HttpApi;
  readonly tables: readonly { readonly id: string; readonly table: dynamodb.ITable }[];
  readonly workflows: readonly PhysicalName[];
  /** Services with HTTP routes: their handlers count the 500s they answer in `ServerErrors` (namespace Raqmana). */
  readonly httpServices: readonly string[];
  readonly deadLetterQueues: readonly { readonly consumerId: string; readonly queue: sqs.IQueue }[];
}

/** A resource of a service by its description id and the physical name the platform gives it. */
export interface PhysicalName {
  readonly id: string;
  readonly name: string;
}

export class Operations extends Construct {
  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);

    props.alarms.alarmWhenPositive(this, 'Api5xx', props.api.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }), 'The API answered 5xx');
    // Throttling is a limit of the account (concurrency), so one account-wide alarm covers every function.
    props.alarms.alarmWhenPositive(
      this,
      'LambdaThrottles',
      new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: ALARM_PERIOD, statistic: 'Sum' }),
      'Lambda throttled invocations: raise the account concurrency or reserve some for the platform',
    );

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
      const machines = props.workflows.map(({ id, name }) => ({ id, machine: sfn.StateMachine.fromStateMachineName(this, `${id}Machine`, name) }));
      addRow(
        dashboard,
        graph('Workflows started', machines.map(({ id: label, machine }) => machine.metricStarted({ label, statistic: 'Sum' }))),
        graph('Workflows failed', machines.map(({ id: label, machine }) => machine.metricFailed({ label, statistic: 'Sum' }))),
      );
    }
    if (props.deadLetterQueues.length > 0) {
      addRow(dashboard, graph('Event batches given up', props.deadLetterQueues.map(({ consumerId, queue }) => deadLetteredEvents(queue, undefined, consumerId))));
    }
  }
}

/**
 * A service's dashboard, in its stack: a row graphing its functions' errors, p99 duration and throttles, each
 * function by the physical name its legend shows (`<stack>-<id>`).
 */
export function serviceDashboard(scope: Construct, dashboardName: string, service: string, functions: readonly PhysicalName[]): void {
  if (functions.length === 0) return;
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName });
  const metrics = (metricName: string, statistic: string) => functions.map(({ name }) => lambdaMetric(metricName, name, { statistic }));
  addRow(
    dashboard,
    graph(`${service}: function errors`, metrics('Errors', 'Sum')),
    graph(`${service}: function duration p99`, metrics('Duration', 'p99')),
    graph(`${service}: function throttles`, metrics('Throttles', 'Sum')),
  );
}

function lambdaMetric(metricName: string, functionName: string, options: cloudwatch.MetricOptions): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, ...options });
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
