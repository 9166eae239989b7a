// Starts the permit's deadline workflow on Step Functions, named after the permit and its version so that a
// retried start is recognised instead of duplicated.
import type { SFNClient } from '@aws-sdk/client-sfn';
import { startExecutionOnce } from '../../shared/aws/step-functions.ts';
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import type { DeadlineWorkflow } from '../application/permits.ports.ts';

export class StepFunctionsDeadlineWorkflow implements DeadlineWorkflow {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  watch(permitId: string, version: number): Promise<void> {
    const input: DeadlineCheckRequest = { subject: permitId };
    return startExecutionOnce(this.client, this.stateMachineArn, `permit-${permitId}-v${version}`, input);
  }
}
