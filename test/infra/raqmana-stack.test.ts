// The stack built from a small fixture platform: what each kind of description entry deploys, and how it is secured.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/shared/auth/roles.ts';
import { IDEMPOTENCY_TABLE, type PlatformDescription } from '../../functions/shared/service-description.ts';
import { buildStack, newApp } from '../fixtures/infra/build-stack.ts';
import { fixturePlatform } from '../fixtures/infra/fixture-platform.ts';
import { RaqmanaStack } from '../../lib/raqmana-stack.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let template: Template;

beforeAll(() => {
  ({ template } = buildStack(fixturePlatform, 'RaqmanaFixture'));
});

function resources(type: string, props: object = {}): [string, Resource][] {
  return Object.entries(template.findResources(type, { Properties: props })) as [string, Resource][];
}

function single(type: string, props: object): [string, Resource] {
  const found = resources(type, props);
  expect(found, `exactly one ${type} matching ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0]!;
}

function logicalIdOfTable(partitionKey: string): string {
  return single('AWS::DynamoDB::Table', { KeySchema: Match.arrayWith([{ AttributeName: partitionKey, KeyType: 'HASH' }]) })[0];
}

/** The statements of the role of the fixture function with this description (`permits: <route key or id>`). */
function statementsOfFunction(description: string): Statement[] {
  const [, fn] = single('AWS::Lambda::Function', { Description: description });
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return statementsOfRole(roleId);
}

/** A function's grants are inline in its role; a workflow's may also sit in a policy attached to it. */
function statementsOfRole(roleId: string): Statement[] {
  const role = template.findResources('AWS::IAM::Role')[roleId]!;
  const inline = ((role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement);
  const attached = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
  return [...inline, ...attached.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])];
}

const actionsOf = (statements: Statement[]): string[] => statements.flatMap((s) => [s.Action].flat());
const text = (value: unknown): string => JSON.stringify(value);

describe('tables', () => {
  it('are deployed for every shared and service table', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
  });

  it('are on-demand, recoverable, protected, retained and encrypted with the platform key', () => {
    const [keyId] = single('AWS::KMS::Key', { EnableKeyRotation: true });
    for (const [, table] of resources('AWS::DynamoDB::Table')) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      });
    }
  });

  it('have the keys, indexes and TTL of their description', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byCommune',
          KeySchema: [
            { AttributeName: 'commune', KeyType: 'HASH' },
            { AttributeName: 'submittedAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: IDEMPOTENCY_TABLE.timeToLiveAttribute, Enabled: true },
    });
  });

  it('use a key that rotates and that CloudWatch Logs may use for this account only', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsOfThisAccount',
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('buckets', () => {
  it('are versioned, private, KMS-encrypted with a bucket key, logged and retained', () => {
    const [accessLogId] = single('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const [bucketId, bucket] = single('AWS::S3::Bucket', { LoggingConfiguration: Match.anyValue() });
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: accessLogId }, LogFilePrefix: 'permit-documents/' },
    });
    // Declared write-once: Object Lock in compliance mode with the declared retention.
    expect(bucket.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('send their access logs to an SSE-S3 bucket that only S3 logging may write to', () => {
    const [accessLogId, accessLogBucket] = single('AWS::S3::Bucket', { LoggingConfiguration: Match.absent() });
    expect(accessLogBucket.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: accessLogId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' }),
        ]),
      },
    });
  });
});

describe('functions', () => {
  it('run Node 24 on arm64, traced, logging JSON to a one-year encrypted log group', () => {
    const functions = resources('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^permits: ') });
    expect(functions).toHaveLength(4);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
      const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(template.toJSON().Resources[logGroupId].Properties).toMatchObject({
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
      });
    }
  });

  it('receive the names of their tables and buckets, the ARNs of their workflows and the Powertools settings', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'permits: POST /v1/permits',
      Environment: {
        Variables: {
          TABLE_PERMITS: { Ref: logicalIdOfTable('pk') },
          TABLE_IDEMPOTENCY: { Ref: logicalIdOfTable(IDEMPOTENCY_TABLE.partitionKey) },
          BUCKET_PERMIT_DOCUMENTS: { Ref: Match.stringLikeRegexp('^PermitDocumentsBucket') },
          STATE_MACHINE_EXPIRE_PERMITS: {
            'Fn::Join': ['', Match.arrayWith([':stateMachine:RaqmanaFixture-expire-permits'])],
          },
          SIGNING_KEY_PERMIT_SIGNING: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PermitSigningSigningKey'), 'Arn'] },
          POWERTOOLS_SERVICE_NAME: 'permits',
          POWERTOOLS_METRICS_NAMESPACE: 'Raqmana',
          // Source maps cost every cold start 11-33 ms (bench): the .map ships, unused until an operator turns it on.
          NODE_OPTIONS: Match.absent(),
        },
      },
    });
    const [, listPermits] = single('AWS::Lambda::Function', { Description: 'permits: GET /v1/permits' });
    expect(Object.keys(listPermits.Properties.Environment.Variables as object)).not.toContain('TABLE_IDEMPOTENCY');
  });

  it('have their own roles, without AWS managed policies', () => {
    for (const [, role] of resources('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('may only read the tables they read', () => {
    const statements = statementsOfFunction('permits: GET /v1/permits');
    expect(actionsOf(statements)).toContain('dynamodb:Query');
    expect(actionsOf(statements)).not.toContain('dynamodb:PutItem');
    expect(actionsOf(statements)).not.toContain('s3:PutObject');
    expect(text(statements)).not.toContain(logicalIdOfTable(IDEMPOTENCY_TABLE.partitionKey));
    expect(text(statements)).not.toContain('states:StartExecution');
  });

  it('may write the idempotency table when their route is idempotent, and start their workflows', () => {
    const statements = statementsOfFunction('permits: POST /v1/permits');
    const idempotencyArn = { 'Fn::GetAtt': [logicalIdOfTable(IDEMPOTENCY_TABLE.partitionKey), 'Arn'] };
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']),
        Resource: expect.arrayContaining([idempotencyArn]),
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['s3:PutObject']), Resource: expect.anything() }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: { 'Fn::Join': ['', expect.arrayContaining([':stateMachine:RaqmanaFixture-expire-permits'])] },
      }),
    );
  });

  it('sign with their signing key, or only read its public key to verify', () => {
    const [keyId] = single('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    expect(statementsOfFunction('permits: POST /v1/permits')).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['kms:GetPublicKey', 'kms:Sign']), Resource: keyArn }),
    );
    const verifier = statementsOfFunction('permits: GET /v1/permits');
    expect(verifier).toContainEqual(expect.objectContaining({ Action: 'kms:GetPublicKey', Resource: keyArn }));
    expect(actionsOf(verifier)).not.toContain('kms:Sign');
    expect(template.findResources('AWS::KMS::Key')[keyId]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('write logs only to their own log group', () => {
    for (const description of ['GET /v1/permits', 'POST /v1/permits', 'SeedPermits', 'ExpirePermit']) {
      const logStatements = statementsOfFunction(`permits: ${description}`).filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/Logs/), 'Arn'] } }),
      ]);
    }
  });
});

describe('HTTP API', () => {
  it('routes each contract to its function with a payload 2.0 proxy integration', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('needs a Cognito JWT on the protected route and none on the public one', () => {
    const [authorizerId] = single('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('AppClient') }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: Match.stringLikeRegexp('UserPool') }]],
        },
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /v1/permits',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/permits',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it('allows the platform headers and methods from browsers', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        AllowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language'],
      },
    });
  });

  it('serves a throttled $default stage that writes JSON access logs', () => {
    const [, stage] = single('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.anyValue() },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' });
  });

  it('throttles the routes whose contract says so, after they exist', () => {
    const [, stage] = single('AWS::ApiGatewayV2::Stage', { StageName: '$default' });
    expect(stage.Properties.RouteSettings).toEqual({ 'GET /v1/permits': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } });
    const [routeId] = single('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /v1/permits' });
    expect((template.findResources('AWS::ApiGatewayV2::Stage')[Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!] as { DependsOn?: string[] }).DependsOn).toContain(routeId);
  });

  it('outputs the API URL, the user pool id and the client id', () => {
    for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId']) template.hasOutput(output, {});
  });
});

describe('users', () => {
  it('are created by administrators, sign in with email and a strong password, TOTP optional', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      Schema: Match.arrayWith(
        ['commune', 'office', 'civil_id'].map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true })),
      ),
    });
  });

  it('have one group per role', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    for (const role of ROLES) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('sign in through a public SRP client that cannot change their commune, office or civil id', () => {
    const [, client] = single('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
    expect(text(client.Properties.WriteAttributes)).not.toContain('custom:');
  });
});

describe('workflows', () => {
  it('are Standard machines from the ASL file, logging ALL events, traced', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'RaqmanaFixture-expire-permits',
      StateMachineType: 'STANDARD',
      DefinitionS3Location: Match.anyValue(),
      DefinitionSubstitutions: {
        TableName: { Ref: logicalIdOfTable('pk') },
        FunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExpirePermitFunction'), 'Arn'] },
      },
      LoggingConfiguration: {
        Level: 'ALL',
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }],
      },
      TracingConfiguration: { Enabled: true },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/RaqmanaFixture-expire-permits',
      RetentionInDays: 365,
      KmsKeyId: Match.anyValue(),
    });
  });

  it('may invoke only the unqualified ARN of the functions they name', () => {
    const [, machine] = single('AWS::StepFunctions::StateMachine', {});
    const roleId = (machine.Properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const invokes = statementsOfRole(roleId).filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(invokes).toEqual([
      expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/ExpirePermitFunction/), 'Arn'] } }),
    ]);
  });

  it('run on schedule, started by a role that may only start that machine', () => {
    const [machineId] = single('AWS::StepFunctions::StateMachine', {});
    const [, schedule] = single('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Africa/Casablanca',
      Target: { Arn: { Ref: machineId }, Input: JSON.stringify({ reason: 'daily' }) },
    });
    const roleId = (schedule.Properties.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] },
    });
    expect(statementsOfRole(roleId)).toEqual([
      { Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: machineId } },
    ]);
  });
});

describe('functions that run on deploy', () => {
  it('are called by a custom resource that reruns whenever their bundle changes', () => {
    const [seedId, seed] = single('AWS::Lambda::Function', { Description: 'permits: SeedPermits' });
    const [frameworkId, framework] = single('AWS::Lambda::Function', {
      Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': [seedId, 'Arn'] } } },
    });
    expect(framework.Properties).toMatchObject({ Runtime: 'nodejs24.x', LoggingConfig: { LogGroup: { Ref: expect.any(String) } } });
    template.hasResource('Custom::RunOnDeploy', {
      Properties: {
        ServiceToken: { 'Fn::GetAtt': [frameworkId, 'Arn'] },
        FunctionCode: { s3Key: (seed.Properties.Code as { S3Key: string }).S3Key },
      },
    });
  });

  it('are invoked by a provider role that may call only them', () => {
    const [seedId] = single('AWS::Lambda::Function', { Description: 'permits: SeedPermits' });
    const [, framework] = single('AWS::Lambda::Function', {
      Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': [seedId, 'Arn'] } } },
    });
    const roleId = (framework.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const lambdaStatements = statementsOfRole(roleId).filter((s) => actionsOf([s]).some((a) => a.startsWith('lambda:')));
    expect(text(lambdaStatements)).toContain(seedId);
    expect(text(lambdaStatements.map((s) => s.Resource)).replaceAll(seedId, '')).not.toMatch(/Function/);
  });
});

describe('operations', () => {
  it('alarm on errors of each service\'s functions, Lambda throttles, API 5xx, failed executions and the services\' own metrics, to the encrypted topic', () => {
    const [topicId] = single('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const alarms = resources('AWS::CloudWatch::Alarm');
    expect(alarms.map(([, alarm]) => alarm.Properties.MetricName ?? 'metric math').sort()).toEqual(['5xx', 'ExecutionsFailed', 'PermitsStuck', 'ServerErrors', 'Throttles', 'metric math'].sort());
    const [, functionErrors] = alarms.find(([, alarm]) => alarm.Properties.MetricName === undefined)!;
    const errorMetrics = (functionErrors.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[]).filter((metric) => metric.MetricStat);
    expect(errorMetrics.map((metric) => metric.MetricStat!.Metric.MetricName)).toEqual(Array<string>(4).fill('Errors'));
    expect(alarms.find(([, alarm]) => alarm.Properties.MetricName === 'PermitsStuck')?.[1].Properties).toMatchObject({
      Namespace: 'Raqmana',
      Dimensions: [{ Name: 'service', Value: 'permits' }],
    });
    for (const [, alarm] of alarms) {
      expect(alarm.Properties).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, AlarmActions: [{ Ref: topicId }] });
      expect(alarm.Properties.Period ?? (alarm.Properties.Metrics as { MetricStat?: { Period: number } }[]).find((metric) => metric.MetricStat)?.MetricStat?.Period).toBe(300);
    }
  });

  it('alarm on the 500s a service\'s handlers answer, which Lambda counts as successful invocations, and graph them', () => {
    const serverErrors = resources('AWS::CloudWatch::Alarm', { MetricName: 'ServerErrors' });
    expect(serverErrors.map(([, alarm]) => alarm.Properties)).toEqual([
      expect.objectContaining({ Namespace: 'Raqmana', Dimensions: [{ Name: 'service', Value: 'permits' }], Statistic: 'Sum', Period: 300 }),
    ]);
    const [, dashboard] = single('AWS::CloudWatch::Dashboard', {});
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(body).toContain('Handled 500s (ServerErrors)');
    expect(body).toMatch(/\\"Raqmana\\",\\"ServerErrors\\",\\"service\\",\\"permits\\"/);
  });

  it('accept alarm notifications over TLS only, encrypted with a key CloudWatch may use', () => {
    const [topicId] = single('AWS::SNS::Topic', {});
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
  });

  it('publish a dashboard named after the stack', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'RaqmanaFixture' });
  });
});

describe('the platform description', () => {
  const withService = (service: PlatformDescription['services'][number]): PlatformDescription => ({
    sharedTables: [IDEMPOTENCY_TABLE],
    services: [service],
  });

  it('must not refer to a table it does not declare', () => {
    const platform = withService({
      name: 'broken',
      functions: [{ id: 'Broken', entry: 'test/fixtures/infra/list-permits.ts', tables: { missing: 'read' } }],
    });
    expect(() => new RaqmanaStack(newApp(), 'Broken', { platform })).toThrow(
      'Function Broken refers to table "missing", which the platform description does not declare',
    );
  });

  it('must not declare an id twice', () => {
    const platform = withService({ name: 'broken', tables: [IDEMPOTENCY_TABLE], functions: [] });
    expect(() => new RaqmanaStack(newApp(), 'Broken', { platform })).toThrow(
      'The platform description declares table "idempotency" twice',
    );
  });
});
