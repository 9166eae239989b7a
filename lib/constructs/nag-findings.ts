// How cdk-nag names a finding, so an acknowledgement can target exactly one finding on one resource.
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** The id of one IAM5 (wildcard) finding, e.g. `AwsSolutions-IAM5[Resource::*]`. */
export function wildcardFinding(wildcard: string): string {
  return `AwsSolutions-IAM5[${wildcard}]`;
}

/**
 * Acknowledges the IAM5 finding on one wildcard resource (`<bucket ARN>/*`) of the grants of `grantee`.
 *
 * The finding spells the ARN as the grantee's own stack renders it. For a resource of another stack that is a
 * parameter of this nested stack, which CDK names only when it resolves cross-stack references (at synth, after
 * the constructs are built): so the id is computed then, from the same rendering cdk-nag reads, by a validation
 * that CDK runs once references are resolved and before any policy-validation plugin.
 */
export function acknowledgeWildcardResource(grantee: IConstruct, resource: string, reason: string): void {
  grantee.node.addValidation({
    validate: () => {
      const rendered = flattenCfnReference(Stack.of(grantee).resolve(resource));
      Validations.of(grantee).acknowledge({ id: wildcardFinding(`Resource::${rendered}`), reason });
      return [];
    },
  });
}
