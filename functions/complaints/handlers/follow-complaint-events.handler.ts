// Consumes the complaints' own events: a complaint whose clocks started or resumed gets its deadline workflow.
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { COMPLAINT_DEADLINE_WORKFLOW_ID } from '../adapters/complaints-keys.ts';
import { followDeadlineWatched } from '../application/complaint-deadline.use-cases.ts';
import { COMPLAINT_EVENTS } from '../domain/complaint.ts';

const workflow = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(COMPLAINT_DEADLINE_WORKFLOW_ID), 'complaint');

export const handler = eventConsumer({ [COMPLAINT_EVENTS.deadlineWatched]: (event) => followDeadlineWatched(workflow, event) });
