// A workflow with a Distributed Map, on a fixture platform: its role reads only the item objects under the
// declared prefix, invokes its batch function, and starts, describes and stops only its own executions.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from '../fixtures/infra/build-stack.ts';
import { importPlatform } from '../fixtures/infra/import-platform.ts';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let template: Template;
let statements: Statement[];

beforeAll(() => {
  template = buildStack(importPlatform, 'RaqmanaImports').services.get('imports')!.template;
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const roleId = (machine!.Properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
  statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
});

const withAction = (action: string) => statements.filter((statement) => [statement.Action].flat().includes(action));
const text = (value: unknown) => JSON.stringify(value);

describe('a Distributed Map workflow', () => {
  it('gets the import bucket name for its ItemReader', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      DefinitionSubstitutions: { ImportsBucket: { Ref: Match.stringLikeRegexp('^ImportsBucket') } },
    });
  });

  it('may read the objects under the declared prefix of that bucket only, and list nothing', () => {
    expect(withAction('s3:GetObject')).toEqual([
      expect.objectContaining({ Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ImportsBucket/), 'Arn'] }, '/lines/*']] } }),
    ]);
    expect(withAction('s3:ListBucket')).toEqual([]);
    expect(text(withAction('kms:Decrypt'))).toContain('PlatformKey');
  });

  it('may start its own child executions, and describe and stop its own executions only', () => {
    const [start] = withAction('states:StartExecution');
    expect(text(start?.Resource)).toMatch(/:stateMachine:RaqmanaImports-import-batches"/);
    const [describeAndStop] = withAction('states:DescribeExecution');
    expect(describeAndStop?.Action).toEqual(['states:DescribeExecution', 'states:StopExecution']);
    const resources = text(describeAndStop?.Resource);
    expect(resources).toContain(':execution:RaqmanaImports-import-batches:*');
    expect(resources).toContain(':execution:RaqmanaImports-import-batches/*');
  });

  it('may invoke its batch function, unqualified', () => {
    expect(withAction('lambda:InvokeFunction')).toEqual([
      expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/ImportBatchFunction/), 'Arn'] } }),
    ]);
  });
});
