// A Lambda function's own role and encrypted log group: the role may write to that log group only, where the
// default AWSLambdaBasicExecutionRole may write to any log group of the account.
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * A role whose every grant lands in one inline policy of the role itself. CDK otherwise writes the grants into a
 * separate AWS::IAM::Policy per role: one resource more per function, 71 of the 500 a CloudFormation stack may hold.
 */
export class InlinePolicyRole extends iam.Role {
  private readonly inlineGrants: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    const grants = new iam.PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { ...props.inlinePolicies, grants } });
    this.inlineGrants = grants;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.inlineGrants.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

export function functionRoleAndLogs(scope: Construct, idPrefix: string, logEncryptionKey: kms.IKey): { role: iam.Role; logGroup: logs.LogGroup } {
  const logGroup = new logs.LogGroup(scope, `${idPrefix}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: logEncryptionKey,
  });
  const role = new InlinePolicyRole(scope, `${idPrefix}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return { role, logGroup };
}
