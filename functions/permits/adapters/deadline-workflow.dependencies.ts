// The permits dependencies plus the deadline workflow, for the consumer of the events that start or restart the clock.
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import type { PermitsWithWorkflow } from '../application/file-permit.use-case.ts';
import { PERMIT_DEADLINE_WORKFLOW_ID } from './permit-keys.ts';
import { permitsDependencies } from './permits.dependencies.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';

export const permitsWithWorkflow: PermitsWithWorkflow = {
  ...permitsDependencies,
  workflow: new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(PERMIT_DEADLINE_WORKFLOW_ID), 'permit'),
};
