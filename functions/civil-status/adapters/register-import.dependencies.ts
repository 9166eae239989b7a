// The register-import use cases wired to DynamoDB, the import bucket, the register pages and the workflow.
import { randomUUID } from 'node:crypto';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { startExecutionOnce } from '../../shared/aws/step-functions.ts';
import type { RegisterImportDependencies } from '../application/register-import.use-cases.ts';
import { CIVIL_STATUS_TABLE_ID, REGISTER_IMPORT_WORKFLOW_ID } from './civil-status-keys.ts';
import { DynamoDbRegisterImportRepository } from './dynamodb-register-import.repository.ts';

export const registerImportRepository = new DynamoDbRegisterImportRepository(dynamodb, tableName(CIVIL_STATUS_TABLE_ID));

export function registerImportDependencies(): RegisterImportDependencies {
  const client = new SFNClient({});
  const workflow = stateMachineArn(REGISTER_IMPORT_WORKFLOW_ID);
  return {
    imports: registerImportRepository,
    // Named after the import: a retried start finds its execution instead of running the import twice.
    runs: { start: (importId, folder) => startExecutionOnce(client, workflow, `import-${importId}`, { importId, folder }) },
    newImportId: () => randomUUID(),
  };
}
