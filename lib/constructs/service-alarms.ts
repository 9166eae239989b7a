// What operators are alarmed about in one service, in that service's stack: errors of its functions, the 500s its
// handlers answer, failed workflows, its own business metrics and the events its consumers gave up.
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { Duration } from 'aws-cdk-lib';
import type { MetricAlarmDescription } from '../../functions/shared/service-description.ts';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.ts';
import { pascalCase } from './construct-ids.ts';

export interface ServiceAlarmsProps {
  readonly service: string;
  readonly alarms: AlarmTopic;
  readonly functions: readonly { readonly id: string; readonly function: lambda.IFunction }[];
  /** Whether the service has HTTP routes: their handlers count the 500s they answer in `ServerErrors`. */
  readonly servesRoutes: boolean;
  readonly workflows: readonly { readonly id: string; readonly stateMachine: sfn.IStateMachine }[];
  readonly metricAlarms: readonly MetricAlarmDescription[];
  readonly deadLetterQueues: readonly { readonly consumerId: string; readonly queue: sqs.IQueue }[];
}

/** CloudWatch alarms on metric math take at most 10 metrics. */
const METRICS_PER_ALARM = 10;

export class ServiceAlarms extends Construct {
  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const { alarms, service } = props;

    // One alarm per 10 functions rather than one per function: each costs a resource of the stack, and the
    // dashboard's per-function graphs show which one it was.
    for (let start = 0; start < props.functions.length; start += METRICS_PER_ALARM) {
      const group = props.functions.slice(start, start + METRICS_PER_ALARM);
      const suffix = start === 0 ? '' : String(start / METRICS_PER_ALARM + 1);
      alarms.alarmWhenPositive(
        this,
        `${pascalCase(service)}FunctionErrors${suffix}`,
        new cloudwatch.MathExpression({
          expression: `SUM([${group.map((_, index) => `e${index}`).join(',')}])`,
          usingMetrics: Object.fromEntries(group.map(({ function: fn }, index) => [`e${index}`, fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' })])),
          period: ALARM_PERIOD,
        }),
        `A function of ${service} threw errors (${group.map((fn) => fn.id).join(', ')})`,
      );
    }
    // A 500 the handler chain answers is a successful invocation for Lambda, so the Errors alarms above never see it;
    // the chain counts it in ServerErrors, by service (Powertools' default dimension).
    if (props.servesRoutes) {
      alarms.alarmWhenPositive(this, `${pascalCase(service)}ServerErrors`, serverErrors(service, ALARM_PERIOD), `A route of ${service} answered 500 (see its function logs)`);
    }
    for (const { id: workflowId, stateMachine } of props.workflows) {
      alarms.alarmWhenPositive(
        this,
        `${workflowId}ExecutionsFailed`,
        stateMachine.metricFailed({ period: ALARM_PERIOD, statistic: 'Sum' }),
        `An execution of ${workflowId} failed`,
      );
    }
    for (const alarm of props.metricAlarms) {
      alarms.alarmWhenPositive(
        this,
        alarm.metricName,
        new cloudwatch.Metric({ namespace: 'Raqmana', metricName: alarm.metricName, dimensionsMap: { service }, period: ALARM_PERIOD, statistic: 'Sum' }),
        alarm.description,
      );
    }
    for (const { consumerId, queue } of props.deadLetterQueues) {
      alarms.alarmWhenPositive(
        this,
        `${consumerId}DeadLetters`,
        deadLetteredEvents(queue, ALARM_PERIOD),
        `${consumerId} gave up a batch of events: its dead-letter queue names the stream shard and sequence numbers to replay (within a day of the events)`,
      );
    }
  }
}

/** The 500s the handlers of a service answered (namespace Raqmana, dimension `service`). */
export function serverErrors(service: string, period?: Duration, label?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'Raqmana',
    metricName: 'ServerErrors',
    dimensionsMap: { service },
    statistic: 'Sum',
    ...(period && { period }),
    ...(label && { label }),
  });
}

/** Batches of events a consumer gave up, waiting in its dead-letter queue. */
export function deadLetteredEvents(queue: sqs.IQueue, period?: Duration, label?: string): cloudwatch.Metric {
  return queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', ...(period && { period }), ...(label && { label }) });
}
