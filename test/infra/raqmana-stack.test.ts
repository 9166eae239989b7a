// The stacks built from a small fixture platform: what the foundation holds, what each kind of description entry
// deploys in its service's nested stack, and how it is secured.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/shared/auth/roles.ts';
import { IDEMPOTENCY_TABLE, type PlatformDescription } from '../../functions/shared/service-description.ts';
import { RaqmanaStack } from '../../lib/raqmana-stack.ts';
import { buildStack, newApp, type BuiltStack } from '../fixtures/infra/build-stack.ts';
import { fixturePlatform } from '../fixtures/infra/fixture-platform.ts';
import { SIGNED_UPLOAD_HEADERS } from '../../functions/shared/aws/browser-transfers.ts';
import { actionsOf, resources, resourcesIn, roleOf, single, statementsOfFunction, statementsOfRole, text } from '../fixtures/infra/template-queries.ts';

let built: BuiltStack;
/** The foundation stack's template. */
let foundation: Template;
/** The nested stack of the fixture's `permits` service, which declares every kind of resource. */
let permits: Template;
let notifications: Template;

beforeAll(() => {
  built = buildStack(fixturePlatform, 'RaqmanaFixture');
  foundation = built.template;
  permits = built.services.get('permits')!.template;
  notifications = built.services.get('notifications')!.template;
});

/** How a nested stack receives a value of the foundation or of another service: a parameter named after it. */
const passedIn = (namePattern: string) => ({ Ref: Match.stringLikeRegexp(`^referenceto.*${namePattern}`) });
/** The same, for Vitest's matchers. */
const passedInValue = (namePattern: string) => ({ Ref: expect.stringMatching(new RegExp(`^referenceto.*${namePattern}`)) });

function logicalIdOfTable(template: Template, partitionKey: string): string {
  return single(template, 'AWS::DynamoDB::Table', { KeySchema: Match.arrayWith([{ AttributeName: partitionKey, KeyType: 'HASH' }]) })[0];
}

describe('stacks', () => {
  it('are the foundation and one nested stack per service, which holds what the service declares', () => {
    expect([...built.services.keys()]).toEqual(['permits', 'notifications']);
    foundation.resourceCountIs('AWS::CloudFormation::Stack', 2);
    for (const type of ['AWS::Lambda::Function', 'AWS::ApiGatewayV2::Route', 'AWS::StepFunctions::StateMachine', 'AWS::S3::BucketPolicy']) {
      expect(resources(foundation, type).map(([id]) => id).filter((id) => !id.startsWith('AccessLogBucket'))).toEqual([]);
    }
    permits.resourceCountIs('AWS::Lambda::Function', 7); // five functions, the router of its outbox table and the deploy hook's provider
    notifications.resourceCountIs('AWS::Lambda::Function', 2);
  });

  it('build a service after the services whose resources it uses, and pass those through the parent', () => {
    const stackResources = resources(foundation, 'AWS::CloudFormation::Stack');
    const [permitsId] = stackResources.find(([id]) => id.startsWith('PermitsService'))!;
    const [, notificationsStack] = stackResources.find(([id]) => id.startsWith('NotificationsService'))!;
    expect(text(notificationsStack.Properties.Parameters)).toContain(`"Fn::GetAtt":["${permitsId}","Outputs.`);
  });

  it('output the API URL, the user pool id and the client id from the top stack', () => {
    for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId']) foundation.hasOutput(output, {});
    for (const template of [permits, notifications]) {
      expect(Object.keys(template.toJSON().Outputs ?? {}).filter((name) => /ApiUrl|UserPool/.test(name))).toEqual([]);
    }
  });
});

describe('tables', () => {
  it('are deployed for every shared table in the foundation and every service table in its service', () => {
    foundation.resourceCountIs('AWS::DynamoDB::Table', 1);
    permits.resourceCountIs('AWS::DynamoDB::Table', 1);
    notifications.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  it('are on-demand, recoverable, protected, retained and encrypted with the platform key', () => {
    const [keyId] = single(foundation, 'AWS::KMS::Key', { EnableKeyRotation: true });
    const expected = (keyArn: unknown) => ({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
    });
    for (const [, table] of resources(foundation, 'AWS::DynamoDB::Table')) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties).toMatchObject(expected({ 'Fn::GetAtt': [keyId, 'Arn'] }));
    }
    for (const [, table] of resourcesIn([permits, notifications], 'AWS::DynamoDB::Table')) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties).toMatchObject(expected(passedInValue('PlatformKey')));
    }
  });

  it('have the keys, indexes and TTL of their description', () => {
    permits.hasResourceProperties('AWS::DynamoDB::Table', {
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
    foundation.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: IDEMPOTENCY_TABLE.timeToLiveAttribute, Enabled: true },
    });
  });

  it('stream their new items when they hold an outbox, and only then', () => {
    permits.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    for (const [, table] of resourcesIn([foundation, notifications], 'AWS::DynamoDB::Table')) expect(table.Properties.StreamSpecification).toBeUndefined();
  });

  it('use a key that rotates and that CloudWatch Logs may use for this account only', () => {
    foundation.hasResourceProperties('AWS::KMS::Key', {
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
  it('are versioned, private, KMS-encrypted with a bucket key, logged to the foundation and retained', () => {
    const [bucketId, bucket] = single(permits, 'AWS::S3::Bucket');
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
      LoggingConfiguration: { DestinationBucketName: passedInValue('AccessLogBucket'), LogFilePrefix: 'permit-documents/' },
    });
    // Declared write-once: Object Lock in compliance mode with the declared retention.
    expect(bucket.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
    });
    permits.hasResourceProperties('AWS::S3::BucketPolicy', {
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

  it('answer browsers\' CORS preflights for presigned transfers when declared so, allowing exactly the signed headers', () => {
    const [, bucket] = single(permits, 'AWS::S3::Bucket');
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT', 'GET', 'HEAD'],
          AllowedOrigins: ['*'],
          AllowedHeaders: [...SIGNED_UPLOAD_HEADERS],
          ExposedHeaders: ['etag', 'x-amz-checksum-sha256', 'x-amz-version-id'],
          MaxAge: 3600,
        },
      ],
    });
  });

  it('send their access logs to an SSE-S3 bucket that S3 logging may write to only for them, under their prefix', () => {
    const [accessLogId, accessLogBucket] = single(foundation, 'AWS::S3::Bucket');
    expect(accessLogBucket.DeletionPolicy).toBe('Retain');
    expect(accessLogBucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    const [permitsStackId] = resources(foundation, 'AWS::CloudFormation::Stack').find(([id]) => id.startsWith('PermitsService'))!;
    foundation.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: accessLogId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [accessLogId, 'Arn'] }, '/permit-documents/*']] },
            Condition: {
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [permitsStackId, Match.stringLikeRegexp('^Outputs\\..*PermitDocumentsBucket.*Arn$')] } },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          },
        ]),
      },
    });
  });
});

describe('functions', () => {
  it('run Node 24 on arm64, traced, logging JSON to a one-year encrypted log group, under the names the dashboard graphs', () => {
    const functions = resources(permits, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^permits: ') });
    expect(functions).toHaveLength(6); // its five and the router of its outbox table
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        FunctionName: expect.stringMatching(/^RaqmanaFixture-[A-Za-z]+$/),
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
      const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(permits.toJSON().Resources[logGroupId].Properties).toMatchObject({
        RetentionInDays: 365,
        KmsKeyId: passedInValue('PlatformKey'),
      });
    }
    permits.hasResourceProperties('AWS::Lambda::Function', { Description: 'permits: GET /v1/permits', FunctionName: 'RaqmanaFixture-ListPermits' });
  });

  it('receive the names of their tables and buckets, the ARNs of their workflows and the Powertools settings', () => {
    permits.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'permits: POST /v1/permits',
      Environment: {
        Variables: {
          TABLE_PERMITS: { Ref: logicalIdOfTable(permits, 'pk') },
          TABLE_IDEMPOTENCY: passedIn('IdempotencyTable'),
          BUCKET_PERMIT_DOCUMENTS: { Ref: Match.stringLikeRegexp('^PermitDocumentsBucket') },
          STATE_MACHINE_EXPIRE_PERMITS: {
            'Fn::Join': ['', Match.arrayWith([':stateMachine:RaqmanaFixture-expire-permits'])],
          },
          SIGNING_KEY_PERMIT_SIGNING: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PermitSigningSigningKey'), 'Arn'] },
          SERVICE_NAME: 'permits',
          METRICS_NAMESPACE: 'Raqmana',
          // Source maps cost every cold start 11-33 ms (bench): the .map ships, unused until an operator turns it on.
          NODE_OPTIONS: Match.absent(),
        },
      },
    });
    const [, listPermits] = single(permits, 'AWS::Lambda::Function', { Description: 'permits: GET /v1/permits' });
    expect(Object.keys(listPermits.Properties.Environment.Variables as object)).not.toContain('TABLE_IDEMPOTENCY');
    // Of another service: names passed in through the parent stack.
    notifications.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'notifications: AppendPermitRecords',
      Environment: { Variables: Match.objectLike({ TABLE_PERMITS: passedIn('PermitsTable'), BUCKET_PERMIT_DOCUMENTS: passedIn('PermitDocumentsBucket') }) },
    });
  });

  it('have their own roles, without AWS managed policies', () => {
    for (const [, role] of resourcesIn(built.templates, 'AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('may only read the tables they read: key lookups and queries, no Scan, no stream', () => {
    const statements = statementsOfFunction(permits, 'permits: GET /v1/permits');
    const tableStatement = statements.find((statement) => actionsOf([statement]).includes('dynamodb:Query'))!;
    expect([tableStatement.Action].flat().sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(actionsOf(statements).filter((action) => action.startsWith('dynamodb:'))).toHaveLength(4);
    expect(actionsOf(statements)).not.toContain('s3:PutObject');
    expect(text(statements)).not.toContain('IdempotencyTable');
    expect(text(statements)).not.toContain('states:StartExecution');
  });

  it('may write the idempotency table when their route is idempotent, and start their workflows', () => {
    const statements = statementsOfFunction(permits, 'permits: POST /v1/permits');
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
        Resource: expect.arrayContaining([{ Ref: expect.stringMatching(/^referenceto.*IdempotencyTable.*Arn$/) }]),
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['s3:PutObject', 's3:DeleteObject']), Resource: expect.anything() }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: { 'Fn::Join': ['', expect.arrayContaining([':stateMachine:RaqmanaFixture-expire-permits'])] },
      }),
    );
  });

  it('may append to a table and a bucket of another service, never delete: read, put and update only', () => {
    const statements = statementsOfFunction(notifications, 'notifications: AppendPermitRecords');
    const tableStatement = statements.find((statement) => actionsOf([statement]).includes('dynamodb:PutItem'))!;
    expect([tableStatement.Action].flat().sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(text(tableStatement.Resource)).toMatch(/referenceto.*PermitsTable.*Arn/);
    const objectStatement = statements.find((statement) => actionsOf([statement]).includes('s3:PutObject'))!;
    expect([objectStatement.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(text(objectStatement.Resource)).toMatch(/referenceto.*PermitDocumentsBucket.*Arn/);
    for (const deletion of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 's3:DeleteObject', 's3:DeleteObjectVersion']) {
      expect(actionsOf(statements)).not.toContain(deletion);
    }
    // Written items are encrypted with the platform key.
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']), Resource: passedInValue('PlatformKey') }),
    );
  });

  it('sign with their signing key, or only read its public key to verify', () => {
    const [keyId] = single(permits, 'AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    expect(statementsOfFunction(permits, 'permits: POST /v1/permits')).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['kms:GetPublicKey', 'kms:Sign']), Resource: keyArn }),
    );
    const verifier = statementsOfFunction(permits, 'permits: GET /v1/permits');
    expect(verifier).toContainEqual(expect.objectContaining({ Action: 'kms:GetPublicKey', Resource: keyArn }));
    expect(actionsOf(verifier)).not.toContain('kms:Sign');
    expect(permits.findResources('AWS::KMS::Key')[keyId]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('write logs only to their own log group', () => {
    for (const description of ['GET /v1/permits', 'POST /v1/permits', 'SeedPermits', 'ExpirePermit', 'StartPermitClocks']) {
      const logStatements = statementsOfFunction(permits, `permits: ${description}`).filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/Logs/), 'Arn'] } }),
      ]);
    }
  });
});

describe('HTTP API', () => {
  it('is in the foundation; each service routes its contracts to its functions with payload 2.0 proxy integrations', () => {
    foundation.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    permits.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    permits.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    permits.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: passedIn('HttpApi'),
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    permits.allResourcesProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([passedIn('HttpApi'), '/*/*/v1/permits'])] },
    });
  });

  it('needs a Cognito JWT on the protected route and none on the public one', () => {
    single(foundation, 'AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('AppClient') }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: Match.stringLikeRegexp('UserPool') }]],
        },
      },
    });
    permits.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /v1/permits',
      AuthorizationType: 'JWT',
      AuthorizerId: passedIn('CognitoAuthorizer'),
    });
    permits.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/permits',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it('allows the platform headers and methods from browsers', () => {
    foundation.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        AllowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language'],
      },
    });
  });

  it('serves a throttled $default stage that writes JSON access logs', () => {
    const [, stage] = single(foundation, 'AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.anyValue() },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' });
  });

  it('throttles the routes whose contract says so, once the stack of their service exists', () => {
    const [, stage] = single(foundation, 'AWS::ApiGatewayV2::Stage', { StageName: '$default' });
    expect(stage.Properties.RouteSettings).toEqual({ 'GET /v1/permits': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } });
    const [permitsStackId] = resources(foundation, 'AWS::CloudFormation::Stack').find(([id]) => id.startsWith('PermitsService'))!;
    expect(stage.DependsOn).toContain(permitsStackId);
  });
});

describe('users', () => {
  it('are created by administrators, sign in with email and a strong password, TOTP optional', () => {
    foundation.hasResourceProperties('AWS::Cognito::UserPool', {
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
        ['commune', 'province', 'region', 'office', 'civil_id'].map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true })),
      ),
    });
  });

  it('have one group per role', () => {
    foundation.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    for (const role of ROLES) foundation.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('sign in through a public SRP client that cannot change their commune, office or civil id', () => {
    const [, client] = single(foundation, 'AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
    expect(text(client.Properties.WriteAttributes)).not.toContain('custom:');
  });
});

describe('workflows', () => {
  it('are Standard machines from the ASL file, named after the top stack, logging ALL events, traced', () => {
    permits.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'RaqmanaFixture-expire-permits',
      StateMachineType: 'STANDARD',
      DefinitionS3Location: Match.anyValue(),
      DefinitionSubstitutions: {
        TableName: { Ref: logicalIdOfTable(permits, 'pk') },
        FunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExpirePermitFunction'), 'Arn'] },
      },
      LoggingConfiguration: {
        Level: 'ALL',
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }],
      },
      TracingConfiguration: { Enabled: true },
    });
    permits.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/RaqmanaFixture-expire-permits',
      RetentionInDays: 365,
      KmsKeyId: Match.anyValue(),
    });
  });

  it('may invoke only the unqualified ARN of the functions they name', () => {
    const [, machine] = single(permits, 'AWS::StepFunctions::StateMachine');
    const invokes = statementsOfRole(permits, roleOf(machine)).filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(invokes).toEqual([
      expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/ExpirePermitFunction/), 'Arn'] } }),
    ]);
  });

  it('run on schedule, started by a role that may only start that machine', () => {
    const [machineId] = single(permits, 'AWS::StepFunctions::StateMachine');
    const [, schedule] = single(permits, 'AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Africa/Casablanca',
      Target: { Arn: { Ref: machineId }, Input: JSON.stringify({ reason: 'daily' }) },
    });
    const roleId = (schedule.Properties.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    permits.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] },
    });
    expect(statementsOfRole(permits, roleId)).toEqual([
      { Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: machineId } },
    ]);
  });
});

describe('functions that run on deploy', () => {
  it('are called by a custom resource that reruns whenever their bundle changes', () => {
    const [seedId, seed] = single(permits, 'AWS::Lambda::Function', { Description: 'permits: SeedPermits' });
    const [frameworkId, framework] = single(permits, 'AWS::Lambda::Function', {
      Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': [seedId, 'Arn'] } } },
    });
    expect(framework.Properties).toMatchObject({ Runtime: 'nodejs24.x', LoggingConfig: { LogGroup: { Ref: expect.any(String) } } });
    permits.hasResource('Custom::RunOnDeploy', {
      Properties: {
        ServiceToken: { 'Fn::GetAtt': [frameworkId, 'Arn'] },
        FunctionCode: { s3Key: (seed.Properties.Code as { S3Key: string }).S3Key },
      },
    });
  });

  it('are invoked by a provider role that may call only them', () => {
    const [seedId] = single(permits, 'AWS::Lambda::Function', { Description: 'permits: SeedPermits' });
    const [, framework] = single(permits, 'AWS::Lambda::Function', {
      Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': [seedId, 'Arn'] } } },
    });
    const lambdaStatements = statementsOfRole(permits, roleOf(framework)).filter((s) => actionsOf([s]).some((a) => a.startsWith('lambda:')));
    expect(text(lambdaStatements)).toContain(seedId);
    expect(text(lambdaStatements.map((s) => s.Resource)).replaceAll(seedId, '')).not.toMatch(/Function/);
  });
});

describe('operations', () => {
  it("alarm on API 5xx and Lambda throttles in the foundation, and on each service's functions, 500s, workflows, metrics and dead letters in its stack", () => {
    const [topicId] = single(foundation, 'AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const metricOf = (alarm: { Properties: Record<string, unknown> }) => (alarm.Properties.MetricName as string | undefined) ?? 'metric math';
    expect(resources(foundation, 'AWS::CloudWatch::Alarm').map(([, alarm]) => metricOf(alarm)).sort()).toEqual(['5xx', 'Throttles']);
    expect(resources(permits, 'AWS::CloudWatch::Alarm').map(([, alarm]) => metricOf(alarm)).sort()).toEqual(
      // Dead letters of its consumer and of its outbox table's router.
      ['ApproximateNumberOfMessagesVisible', 'ApproximateNumberOfMessagesVisible', 'ExecutionsFailed', 'PermitsStuck', 'ServerErrors', 'metric math'].sort(),
    );
    expect(resources(notifications, 'AWS::CloudWatch::Alarm').map(([, alarm]) => metricOf(alarm)).sort()).toEqual(['ApproximateNumberOfMessagesVisible', 'metric math']);

    const [, functionErrors] = resources(permits, 'AWS::CloudWatch::Alarm').find(([, alarm]) => alarm.Properties.MetricName === undefined)!;
    const errorMetrics = (functionErrors.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[]).filter((metric) => metric.MetricStat);
    expect(errorMetrics.map((metric) => metric.MetricStat!.Metric.MetricName)).toEqual(Array<string>(6).fill('Errors')); // its five and the router
    expect(resources(permits, 'AWS::CloudWatch::Alarm').find(([, alarm]) => alarm.Properties.MetricName === 'PermitsStuck')?.[1].Properties).toMatchObject({
      Namespace: 'Raqmana',
      Dimensions: [{ Name: 'service', Value: 'permits' }],
    });
    for (const [template, topic] of [[foundation, { Ref: topicId }], [permits, passedInValue('AlarmsTopic')], [notifications, passedInValue('AlarmsTopic')]] as const) {
      for (const [, alarm] of resources(template, 'AWS::CloudWatch::Alarm')) {
        expect(alarm.Properties).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, AlarmActions: [topic] });
        expect(alarm.Properties.Period ?? (alarm.Properties.Metrics as { MetricStat?: { Period: number } }[]).find((metric) => metric.MetricStat)?.MetricStat?.Period).toBe(300);
      }
    }
  });

  it("alarm on the 500s a service's handlers answer, which Lambda counts as successful invocations, and graph them", () => {
    const serverErrors = resourcesIn(built.templates, 'AWS::CloudWatch::Alarm', { MetricName: 'ServerErrors' });
    expect(serverErrors.map(([, alarm]) => alarm.Properties)).toEqual([
      expect.objectContaining({ Namespace: 'Raqmana', Dimensions: [{ Name: 'service', Value: 'permits' }], Statistic: 'Sum', Period: 300 }),
    ]);
    const [, dashboard] = single(foundation, 'AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(body).toContain('Handled 500s (ServerErrors)');
    expect(body).toMatch(/\\"Raqmana\\",\\"ServerErrors\\",\\"service\\",\\"permits\\"/);
  });

  it('accept alarm notifications over TLS only, encrypted with a key CloudWatch may use', () => {
    const [topicId] = single(foundation, 'AWS::SNS::Topic');
    foundation.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    foundation.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
  });

  it('publish a dashboard named after the stack for the API, the tables, workflows and consumers, and one per service graphing its functions by name', () => {
    const [, dashboard] = single(foundation, 'AWS::CloudWatch::Dashboard', { DashboardName: 'RaqmanaFixture' });
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['API requests', 'Workflows failed', 'Event batches given up']) expect(body).toContain(title);
    expect(body).not.toContain('function errors');
    const [, notificationsDashboard] = single(notifications, 'AWS::CloudWatch::Dashboard', { DashboardName: 'RaqmanaFixture-Notifications' });
    const serviceBody = JSON.stringify(notificationsDashboard.Properties.DashboardBody);
    for (const title of ['notifications: function errors', 'notifications: function duration p99', 'notifications: function throttles']) expect(serviceBody).toContain(title);
    expect(serviceBody).toMatch(/\\"AWS\/Lambda\\",\\"Errors\\",\\"FunctionName\\",\\"RaqmanaFixture-NotifyApplicants\\"/);
    single(permits, 'AWS::CloudWatch::Dashboard', { DashboardName: 'RaqmanaFixture-Permits' });
    // Nothing of a function is passed out of its nested stack for it.
    expect(Object.keys(permits.toJSON().Outputs ?? {}).filter((name) => name.includes('Function'))).toEqual([]);
  });
});

describe('the platform description', () => {
  const withServices = (...services: PlatformDescription['services']): PlatformDescription => ({ sharedTables: [IDEMPOTENCY_TABLE], services });
  const build = (platform: PlatformDescription) => () => new RaqmanaStack(newApp(), 'Broken', { platform });
  const entry = 'test/fixtures/infra/list-permits.ts';

  it('must not refer to a table it does not declare', () => {
    const platform = withServices({ name: 'broken', functions: [{ id: 'Broken', entry, tables: { missing: 'read' } }] });
    expect(build(platform)).toThrow('Function Broken refers to table "missing", which the platform description does not declare');
  });

  it('must not declare an id twice', () => {
    const platform = withServices({ name: 'broken', tables: [IDEMPOTENCY_TABLE], functions: [] });
    expect(build(platform)).toThrow('The platform description declares table "idempotency" twice');
  });

  it('must not have two services use each other', () => {
    const platform = withServices(
      { name: 'first', tables: [{ id: 'first', partitionKey: 'pk' }], functions: [{ id: 'ReadSecond', entry, tables: { second: 'read' } }] },
      { name: 'second', tables: [{ id: 'second', partitionKey: 'pk' }], functions: [{ id: 'ReadFirst', entry, tables: { first: 'read' } }] },
    );
    expect(build(platform)).toThrow(
      'The services use each other\'s resources in a cycle (first → second → first): Function ReadSecond of first reads table "second"; Function ReadFirst of second reads table "first".',
    );
  });

  it('must give an outbox table a time to live, and consume only tables with an outbox', () => {
    const withoutExpiry = withServices({ name: 'broken', tables: [{ id: 'events', partitionKey: 'pk', outbox: true }], functions: [] });
    expect(build(withoutExpiry)).toThrow('Table "events" holds an outbox, so it must declare a timeToLiveAttribute: delivered events expire');
    const withoutOutbox = withServices({
      name: 'broken',
      tables: [{ id: 'events', partitionKey: 'pk' }],
      functions: [{ id: 'Consume', entry, consumes: [{ tableId: 'events', eventTypes: ['thing.happened'] }] }],
    });
    expect(build(withoutOutbox)).toThrow('Function Consume consumes the events of table "events", which declares no outbox (outbox: true)');
  });
});
