// Runs a function during deployment (e.g. to load reference data): a CloudFormation custom resource whose
// provider framework calls the function with the custom-resource event and answers CloudFormation for it.
import { CustomResource, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { arnInFinding, wildcardFinding } from './nag-findings.ts';

export interface DeployHookProps {
  /** Answers Create, Update and Delete events; it must be idempotent. */
  readonly function: lambda.Function;
  readonly logEncryptionKey: kms.IKey;
}

export class DeployHook extends Construct {
  constructor(scope: Construct, id: string, props: DeployHookProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'ProviderLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logEncryptionKey,
    });
    // Its own role rather than the framework's default one, whose AWSLambdaBasicExecutionRole may write to any log group.
    const role = new iam.Role(this, 'ProviderRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: props.function,
      frameworkOnEventRole: role,
      logGroup,
    });
    Validations.of(role).acknowledge({
      id: wildcardFinding(`Resource::${arnInFinding(props.function)}:*`),
      reason: "The provider framework's grant to invoke the one hook function; `:*` adds its versions and aliases.",
    });

    const code = props.function.node.defaultChild as lambda.CfnFunction;
    new CustomResource(this, 'Run', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::RunOnDeploy',
      // Reruns whenever the function's bundle changes (its S3 key is the bundle's hash): new code, new data.
      properties: { FunctionCode: code.code },
    });
  }
}
