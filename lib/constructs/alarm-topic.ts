// The one SNS topic every alarm of the platform notifies, encrypted with the platform key, and the one kind of
// alarm the platform raises: a count above 0 over five minutes.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  readonly encryptionKey: kms.IKey;
}

/** The period of every alarm. */
export const ALARM_PERIOD = Duration.minutes(5);

export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', {
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
    this.action = new SnsAction(this.topic);
  }

  /** An alarm, built in `scope` (the foundation or a service's stack), that notifies the topic when `metric` is above 0. */
  alarmWhenPositive(scope: Construct, id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
  }
}
