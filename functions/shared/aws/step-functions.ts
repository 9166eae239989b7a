// Starting a workflow execution under a deterministic name: a retried start finds the execution already there
// and is not an error, so the caller's retries never run a workflow twice.
import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';

export async function startExecutionOnce(client: SFNClient, stateMachineArn: string, name: string, input: unknown): Promise<void> {
  try {
    await client.send(new StartExecutionCommand({ stateMachineArn, name: name.slice(0, 80), input: JSON.stringify(input) }));
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
}
