// Starts the permit's deadline workflow on Step Functions, named after the permit and its version so that a
// retried start is recognised instead of duplicated.
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { DeadlineWorkflow } from '../application/permits.ports.ts';
import type { Permit } from '../domain/permit.ts';

export class StepFunctionsDeadlineWorkflow implements DeadlineWorkflow {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async watch(permit: Permit): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: `permit-${permit.id}-v${permit.version}`,
          input: JSON.stringify({ permitId: permit.id }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }
}
