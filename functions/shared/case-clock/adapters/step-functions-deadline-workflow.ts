// Starts a case's deadline workflow on Step Functions, named after the case and its version so that a retried
// start is recognised instead of duplicated.
import type { SFNClient } from '@aws-sdk/client-sfn';
import { startExecutionOnce } from '../../aws/step-functions.ts';
import type { DeadlineCheckRequest } from '../domain/deadline-check.ts';

export class StepFunctionsDeadlineWorkflow {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
    /** What the case is (`permit`, `letter`), first in each execution's name. */
    private readonly caseKind: string,
  ) {}

  watch(subject: string, version: number): Promise<void> {
    const input: DeadlineCheckRequest = { subject };
    return startExecutionOnce(this.client, this.stateMachineArn, `${this.caseKind}-${subject}-v${version}`, input);
  }
}
