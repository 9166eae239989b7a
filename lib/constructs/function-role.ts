// A Lambda function's own role and encrypted log group: the role may write to that log group only, where the
// default AWSLambdaBasicExecutionRole may write to any log group of the account.
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export function functionRoleAndLogs(scope: Construct, idPrefix: string, logEncryptionKey: kms.IKey): { role: iam.Role; logGroup: logs.LogGroup } {
  const logGroup = new logs.LogGroup(scope, `${idPrefix}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: logEncryptionKey,
  });
  const role = new iam.Role(scope, `${idPrefix}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return { role, logGroup };
}
