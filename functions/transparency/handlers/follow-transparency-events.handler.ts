// Consumes the transparency context's own events, out of the changes that caused them: a request whose clock
// started or moved gets its deadline workflow.
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { REQUEST_DEADLINE_WORKFLOW_ID } from '../adapters/transparency-keys.ts';
import { followDeadlineWatched } from '../application/request-deadline.use-cases.ts';
import { REQUEST_EVENTS } from '../domain/request-clock.ts';

const workflow = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(REQUEST_DEADLINE_WORKFLOW_ID), 'information-request');

export const handler = eventConsumer({
  [REQUEST_EVENTS.deadlineWatched]: (event) => followDeadlineWatched(workflow, event),
});
