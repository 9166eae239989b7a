// How cdk-nag names a finding, so an acknowledgement can target exactly one finding on one resource.
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The id of one IAM5 (wildcard) finding, e.g. `AwsSolutions-IAM5[Resource::*]`. */
export function wildcardFinding(wildcard: string): string {
  return `AwsSolutions-IAM5[${wildcard}]`;
}

/** How a finding spells the ARN of a resource of this stack: `<LogicalId.Arn>`. */
export function arnInFinding(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to name in a finding`);
  }
  return `<${Stack.of(resource).resolve(resource.logicalId) as string}.Arn>`;
}
