// The configuration the stack (or the local platform) hands a function in its environment; a missing value
// fails loudly at module load rather than as a confusing SDK error on the first request.
import { lazyValue } from '../lazy-value.ts';
import { bucketEnvName, stateMachineEnvName, tableEnvName } from '../service-description.ts';

export function requiredEnvironment(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** The physical name of a table of the platform. */
export const tableName = (tableId: string) => requiredEnvironment(tableEnvName(tableId));

/**
 * The physical name of a table some of a module's functions read and others are not granted: looked up when first
 * read, so that the functions not granted it (and without its name in their environment) still load.
 */
export const tableNameWhenRead = (tableId: string) => lazyValue(() => tableName(tableId));

/** The physical name of a bucket of the platform. */
export const bucketName = (bucketId: string) => requiredEnvironment(bucketEnvName(bucketId));

/** The ARN of a state machine of the platform. */
export const stateMachineArn = (stateMachineId: string) => requiredEnvironment(stateMachineEnvName(stateMachineId));
