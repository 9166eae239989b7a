// Runs a function during deployment (e.g. to load reference data): a CloudFormation custom resource whose
// provider framework calls the function with the custom-resource event and answers CloudFormation for it.
import { CustomResource } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { functionRoleAndLogs } from './function-role.ts';
import { acknowledgeWildcardResource } from './nag-findings.ts';

export interface DeployHookProps {
  /** Answers Create, Update and Delete events; it must be idempotent. */
  readonly function: lambda.Function;
  readonly logEncryptionKey: kms.IKey;
}

export class DeployHook extends Construct {
  constructor(scope: Construct, id: string, props: DeployHookProps) {
    super(scope, id);

    const { role, logGroup } = functionRoleAndLogs(this, 'Provider', props.logEncryptionKey);

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: props.function,
      frameworkOnEventRole: role,
      logGroup,
    });
    acknowledgeWildcardResource(
      role,
      `${props.function.functionArn}:*`,
      "The provider framework's grant to invoke the one hook function; `:*` adds its versions and aliases.",
    );

    const code = props.function.node.defaultChild as lambda.CfnFunction;
    new CustomResource(this, 'Run', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::RunOnDeploy',
      // Reruns whenever the function's bundle changes (its S3 key is the bundle's hash): new code, new data.
      properties: { FunctionCode: code.code },
    });
  }
}
