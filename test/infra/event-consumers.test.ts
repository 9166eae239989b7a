// The event fan-out on the fixture platform: the permits table's one stream reader (its router, publishing to the
// table's SNS FIFO topic), and two consumers, each with a FIFO queue subscribed to that topic: one of its own
// service (permits' StartPermitClocks) and one of another service, from another nested stack (notifications'
// NotifyApplicants).
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TOPIC_ENV } from '../../functions/shared/events/event-message.ts';
import { outboxRecordFilterPatterns, subscriptionFilterPolicy } from '../../functions/shared/events/outbox-filter.ts';
import type { EventSubscription } from '../../functions/shared/service-description.ts';
import { buildStack, type BuiltStack } from '../fixtures/infra/build-stack.ts';
import { fixturePlatform, notifyApplicantsSubscription, startPermitClocksSubscription } from '../fixtures/infra/fixture-platform.ts';
import { actionsOf, resources, resourcesIn, roleOf, single, statementsOfRole, text, type Resource, type Statement } from '../fixtures/infra/template-queries.ts';

let built: BuiltStack;
let permits: Template;
let notifications: Template;

beforeAll(() => {
  built = buildStack(fixturePlatform, 'RaqmanaFixture');
  permits = built.services.get('permits')!.template;
  notifications = built.services.get('notifications')!.template;
});

const platformKey = { Ref: expect.stringMatching(/^referenceto.*PlatformKey.*Arn$/) };

/** The actions a role's statements allow on `resource` (CDK merges statements on the same resources). */
function actionsOn(statements: readonly Statement[], resource: unknown): string[] {
  const matches = (candidate: unknown) => {
    try {
      expect(candidate).toEqual(resource);
      return true;
    } catch {
      return false;
    }
  };
  return actionsOf(statements.filter((statement) => [statement.Resource].flat().some(matches))).sort();
}

function functionOf(template: Template, functionId: string): [string, Resource] {
  return single(template, 'AWS::Lambda::Function', { FunctionName: `RaqmanaFixture-${functionId}` });
}

function topicOf(): [string, Resource] {
  return single(permits, 'AWS::SNS::Topic', { FifoTopic: true });
}

const consumers: [name: string, service: () => Template, functionId: string, subscription: EventSubscription, topic: (value: unknown) => void][] = [
  ['a consumer of its own service', () => permits, 'StartPermitClocks', startPermitClocksSubscription, (value) => expect(value).toEqual({ Ref: topicOf()[0] })],
  [
    'a consumer of another service',
    () => notifications,
    'NotifyApplicants',
    notifyApplicantsSubscription,
    (value) => expect(value).toEqual({ Ref: expect.stringMatching(/^referenceto.*PermitsOutboxTopic.*Ref$/) }),
  ],
];

function queuesOf(template: Template, functionId: string): { queue: [string, Resource]; deadLetters: [string, Resource] } {
  const find = (suffix: string) => {
    const found = resources(template, 'AWS::SQS::Queue').filter(([id]) => id.startsWith(`${functionId}Consumer${suffix}`));
    expect(found, `${functionId}'s ${suffix}`).toHaveLength(1);
    return found[0]!;
  };
  return { queue: find('Queue'), deadLetters: find('DeadLetters') };
}

describe.each(consumers)('%s', (_name, service, functionId, subscription, expectTopic) => {
  it('has a FIFO queue of its own, encrypted with the platform key, that redrives to a FIFO dead-letter queue', () => {
    const [fnId, fn] = functionOf(service(), functionId);
    const { queue: [queueId, queue], deadLetters: [deadLettersId, deadLetters] } = queuesOf(service(), functionId);
    expect(queue.Properties).toMatchObject({
      FifoQueue: true,
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
      KmsMasterKeyId: platformKey,
      VisibilityTimeout: 6 * (fn.Properties.Timeout as number),
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] }, maxReceiveCount: 10 },
    });
    expect(queue.Properties.ContentBasedDeduplication ?? false).toBe(false);
    expect(deadLetters.Properties).toMatchObject({ FifoQueue: true, KmsMasterKeyId: platformKey, MessageRetentionPeriod: 14 * 24 * 3600 });
    for (const id of [queueId, deadLettersId]) {
      const [, policy] = single(service(), 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: id }] });
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    expect(fnId).toBeDefined();
  });

  it("is subscribed to its table's topic with raw messages, filtered on the event types it declares", () => {
    const { queue: [queueId] } = queuesOf(service(), functionId);
    const [, subscribed] = single(service(), 'AWS::SNS::Subscription', { Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expectTopic(subscribed.Properties.TopicArn);
    expect(subscribed.Properties).toMatchObject({ Protocol: 'sqs', RawMessageDelivery: true, FilterPolicyScope: 'MessageAttributes' });
    expect(subscribed.Properties.FilterPolicy).toEqual(subscriptionFilterPolicy(subscription));
    expect(subscribed.Properties.FilterPolicy).toEqual({ eventType: [...subscription.eventTypes] });
  });

  it('lets only that topic send to its queue, and subscribes once the queue lets it', () => {
    const { queue: [queueId] } = queuesOf(service(), functionId);
    const [policyId, policy] = single(service(), 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: queueId }] });
    const allowed = (policy.Properties.PolicyDocument.Statement as { Effect: string; Principal?: unknown; Action: unknown; Condition?: Record<string, Record<string, unknown>> }[]).filter(
      (statement) => statement.Effect === 'Allow',
    );
    expect(allowed).toHaveLength(1);
    expect(allowed[0]).toMatchObject({ Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expectTopic(allowed[0]!.Condition!.ArnEquals!['aws:SourceArn']);
    const [, subscribed] = single(service(), 'AWS::SNS::Subscription', { Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(subscribed.DependsOn).toContain(policyId);
  });

  it('reads its queue through one event source mapping, in batches, answering with the records it failed', () => {
    const [fnId] = functionOf(service(), functionId);
    const { queue: [queueId] } = queuesOf(service(), functionId);
    const [, mapping] = single(service(), 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fnId } });
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: subscription.batchSize ?? 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(mapping.Properties).not.toHaveProperty('StartingPosition');
  });

  it('raises an alarm to the alarm topic as soon as an event waits in its dead-letter queue', () => {
    const { deadLetters: [deadLettersId] } = queuesOf(service(), functionId);
    const [, alarm] = single(service(), 'AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLettersId, 'QueueName'] } }],
    });
    expect(alarm.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [{ Ref: expect.stringMatching(/^referenceto.*AlarmsTopic/) }] });
  });

  it('may receive and delete the messages of its own queue and decrypt them, and reads no stream', () => {
    const [, fn] = functionOf(service(), functionId);
    const { queue: [queueId] } = queuesOf(service(), functionId);
    const statements = statementsOfRole(service(), roleOf(fn));
    expect(actionsOn(statements, { 'Fn::GetAtt': [queueId, 'Arn'] })).toEqual(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage']);
    expect(actionsOn(statements, platformKey)).toContain('kms:Decrypt');
    expect(actionsOf(statements).filter((action) => action.startsWith('dynamodb:') && /Stream|Record|ShardIterator/.test(action))).toEqual([]);
    expect(actionsOf(statements)).not.toContain('sns:Publish');
  });
});

describe("an outbox table's stream", () => {
  const routerOf = () => functionOf(permits, 'PermitsOutboxRouter');

  it('has one reader, the router the platform gives the table, in the table\'s stack', () => {
    const streamMappings = resourcesIn(built.templates, 'AWS::Lambda::EventSourceMapping').filter(([, mapping]) => text(mapping.Properties.EventSourceArn).includes('StreamArn'));
    expect(streamMappings).toHaveLength(1);
    const [routerId, router] = routerOf();
    expect(streamMappings[0]![1].Properties.FunctionName).toEqual({ Ref: routerId });
    expect(streamMappings[0]![1].Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^PermitsTable/), 'StreamArn'] });
    expect(router.Properties.Handler).toBe('index.handler');
  });

  it('is read from its oldest record, new outbox items only, with partial batch responses, bounded retries and a dead-letter queue', () => {
    const [routerId] = routerOf();
    const [, mapping] = single(permits, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: routerId } });
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 6 * 3600,
    });
    const filters = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual(outboxRecordFilterPatterns());
    expect(filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { eventType: { S: [{ exists: true }] } } } },
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { outboxEvents: { S: [{ exists: true }] } } } },
    ]);
    const deadLettersId = (mapping.Properties.DestinationConfig as { OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } } }).OnFailure.Destination['Fn::GetAtt'][0];
    const deadLetters = permits.findResources('AWS::SQS::Queue')[deadLettersId]!;
    expect(deadLetters.Properties).toEqual({ KmsMasterKeyId: platformKey, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('is published to an SNS FIFO topic of the table, encrypted with the platform key, TLS only, named for the key policy', () => {
    const [topicId, topic] = topicOf();
    expect(topic.Properties).toMatchObject({
      FifoTopic: true,
      FifoThroughputScope: 'MessageGroup',
      KmsMasterKeyId: platformKey,
      TopicName: 'RaqmanaFixture-PermitsEvents.fifo',
    });
    expect(topic.Properties.ContentBasedDeduplication ?? false).toBe(false);
    const [, policy] = single(permits, 'AWS::SNS::TopicPolicy', { Topics: [{ Ref: topicId }] });
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const [, router] = routerOf();
    expect(router.Properties.Environment.Variables[EVENT_TOPIC_ENV]).toEqual({ Ref: topicId });
  });

  it('whose router may read that one stream, list streams, publish to that one topic, and send to its own dead-letter queue', () => {
    const [, router] = routerOf();
    const [topicId] = topicOf();
    const statements = statementsOfRole(permits, roleOf(router));
    const streamStatement = statements.find((statement) => actionsOf([statement]).includes('dynamodb:GetRecords'))!;
    expect([streamStatement.Action].flat().sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
    expect(streamStatement.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^PermitsTable/), 'StreamArn'] });
    expect(actionsOn(statements, '*')).toEqual(['dynamodb:ListStreams', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    expect(actionsOn(statements, { Ref: topicId })).toEqual(['sns:Publish']);
    expect(actionsOn(statements, platformKey)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOn(statements, { 'Fn::GetAtt': [expect.stringMatching(/^PermitsOutboxDeadLetters/), 'Arn'] })).toEqual(['sqs:SendMessage']);
    expect(actionsOf(statements).filter((action) => /^dynamodb:(Get|Put|Update|Delete|Query|Batch)/.test(action) && action !== 'dynamodb:GetRecords' && action !== 'dynamodb:GetShardIterator')).toEqual([]);
  });

  it('is read by its router only, and only the router publishes to the topic', () => {
    const rolesWith = (wanted: readonly string[]) =>
      built.templates.flatMap((template) =>
        resources(template, 'AWS::IAM::Role')
          .filter(([roleId]) => actionsOf(statementsOfRole(template, roleId)).some((action) => wanted.includes(action)))
          .map(([roleId]) => roleId),
      );
    const routerRole = roleOf(routerOf()[1]);
    expect(rolesWith(['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'])).toEqual([routerRole]);
    expect(rolesWith(['sns:Publish'])).toEqual([routerRole]);
  });

  it('costs one mapping per reader and per consumer, a queue and a dead-letter queue per consumer, nothing for the other functions', () => {
    expect(resourcesIn(built.templates, 'AWS::Lambda::EventSourceMapping')).toHaveLength(1 + consumers.length);
    expect(resourcesIn(built.templates, 'AWS::SQS::Queue')).toHaveLength(1 + 2 * consumers.length);
    expect(resourcesIn(built.templates, 'AWS::SNS::Subscription')).toHaveLength(consumers.length);
    expect(text(resourcesIn(built.templates, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => mapping.Properties.FunctionName))).not.toMatch(
      /ListPermits|SubmitPermit|AppendPermitRecords/,
    );
  });
});

describe('the platform key', () => {
  it("lets SNS encrypt the messages it delivers into the consumers' queues, for this account's platform topics only", () => {
    const [, key] = single(built.template, 'AWS::KMS::Key');
    const statement = (key.Properties.KeyPolicy.Statement as { Sid?: string; Principal: unknown; Action: unknown; Condition: Record<string, Record<string, unknown>> }[]).find(
      (candidate) => text(candidate.Principal).includes('sns.amazonaws.com'),
    )!;
    expect([statement.Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(statement.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(text(statement.Condition.ArnLike!['aws:SourceArn'])).toContain(':sns:');
    expect(text(statement.Condition.ArnLike!['aws:SourceArn'])).toContain('RaqmanaFixture-*');
  });
});
