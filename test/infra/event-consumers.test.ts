// Outbox consumers on the fixture platform: one of its own service's outbox (permits' StartPermitClocks) and one of
// another service's, from another nested stack (notifications' NotifyApplicants).
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxFilterPattern } from '../../functions/shared/events/outbox-filter.ts';
import type { EventSubscription } from '../../functions/shared/service-description.ts';
import { buildStack, type BuiltStack } from '../fixtures/infra/build-stack.ts';
import { fixturePlatform, notifyApplicantsSubscription, startPermitClocksSubscription } from '../fixtures/infra/fixture-platform.ts';
import { actionsOf, resources, resourcesIn, roleOf, single, statementsOfRole, text, type Resource } from '../fixtures/infra/template-queries.ts';

let built: BuiltStack;
let permits: Template;
let notifications: Template;

beforeAll(() => {
  built = buildStack(fixturePlatform, 'RaqmanaFixture');
  permits = built.services.get('permits')!.template;
  notifications = built.services.get('notifications')!.template;
});

const consumers: [name: string, service: () => Template, functionId: string, subscription: EventSubscription, stream: (value: unknown) => void][] = [
  [
    'a consumer of its own service',
    () => permits,
    'StartPermitClocks',
    startPermitClocksSubscription,
    (value) => expect(value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^PermitsTable/), 'StreamArn'] }),
  ],
  [
    'a consumer of another service',
    () => notifications,
    'NotifyApplicants',
    notifyApplicantsSubscription,
    (value) => expect(value).toEqual({ Ref: expect.stringMatching(/^referenceto.*PermitsTable.*StreamArn$/) }),
  ],
];

function functionOf(template: Template, functionId: string): [string, Resource] {
  return single(template, 'AWS::Lambda::Function', { FunctionName: `RaqmanaFixture-${functionId}` });
}

function queueOf(template: Template, functionId: string): [string, Resource] {
  const found = resources(template, 'AWS::SQS::Queue').filter(([id]) => id.startsWith(`${functionId}ConsumerDeadLetters`));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe.each(consumers)('%s', (_name, service, functionId, subscription, expectStream) => {
  it('reads the outbox stream from its oldest record, in batches, answering with the records it failed', () => {
    const [fnId] = functionOf(service(), functionId);
    const [, mapping] = single(service(), 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fnId } });
    expectStream(mapping.Properties.EventSourceArn);
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: subscription.batchSize ?? 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 6 * 3600,
    });
  });

  it('is given only new outbox items of the event types it subscribes to, with the filter the local platform applies', () => {
    const [fnId] = functionOf(service(), functionId);
    const [, mapping] = single(service(), 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fnId } });
    const filters = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual([outboxFilterPattern(subscription)]);
    expect(JSON.parse(filters[0]!.Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { eventType: { S: [...subscription.eventTypes] } } },
    });
  });

  it('sends the batches it gives up to a dead-letter queue of its own, encrypted with the platform key, TLS only', () => {
    const [fnId] = functionOf(service(), functionId);
    const [queueId, queue] = queueOf(service(), functionId);
    const [, mapping] = single(service(), 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fnId } });
    expect(mapping.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
    expect(queue.Properties).toMatchObject({
      KmsMasterKeyId: { Ref: expect.stringMatching(/^referenceto.*PlatformKey.*Arn$/) },
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    const [, policy] = single(service(), 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: queueId }] });
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('raises an alarm to the alarm topic as soon as a batch waits in its dead-letter queue', () => {
    const [queueId] = queueOf(service(), functionId);
    const [, alarm] = single(service(), 'AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
    expect(alarm.Properties).toMatchObject({
      Statistic: 'Maximum',
      Period: 300,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: expect.stringMatching(/^referenceto.*AlarmsTopic/) }],
    });
  });

  it('may read that one stream, list streams, and send to its own queue', () => {
    const [, fn] = functionOf(service(), functionId);
    const [queueId] = queueOf(service(), functionId);
    const statements = statementsOfRole(service(), roleOf(fn));
    const streamStatement = statements.find((statement) => actionsOf([statement]).includes('dynamodb:GetRecords'))!;
    expect([streamStatement.Action].flat().sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
    expectStream(streamStatement.Resource);
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['dynamodb:ListStreams']), Resource: '*' }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } }));
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey']),
        Resource: { Ref: expect.stringMatching(/^referenceto.*PlatformKey.*Arn$/) },
      }),
    );
  });
});

describe('outbox streams', () => {
  it('are read by their consumers only', () => {
    const streamReaders = built.templates.flatMap((template) =>
      resources(template, 'AWS::IAM::Role')
        .filter(([roleId]) => actionsOf(statementsOfRole(template, roleId)).some((action) => ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].includes(action)))
        .map(([roleId]) => roleId),
    );
    expect(streamReaders.sort()).toEqual(
      consumers.map(([, service, functionId]) => roleOf(functionOf(service(), functionId)[1])).sort(),
    );
  });

  it('have one event source mapping and one dead-letter queue per consumer, nothing for the other functions', () => {
    expect(resourcesIn(built.templates, 'AWS::Lambda::EventSourceMapping')).toHaveLength(2);
    expect(resourcesIn(built.templates, 'AWS::SQS::Queue')).toHaveLength(2);
    expect(text(resourcesIn(built.templates, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => mapping.Properties.FunctionName))).not.toMatch(
      /ListPermits|SubmitPermit|AppendPermitRecords/,
    );
  });
});
