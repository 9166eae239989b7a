// Consumes the registry office's own events: a letter whose deadline clock started or moved gets its workflow.
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { LETTER_DEADLINE_WORKFLOW_ID } from '../adapters/registry-office-keys.ts';
import { followDeadlineWatched } from '../application/letter-deadline.use-cases.ts';
import { LETTER_EVENTS } from '../domain/letter-deadline.ts';

const workflow = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(LETTER_DEADLINE_WORKFLOW_ID), 'letter');

export const handler = eventConsumer({ [LETTER_EVENTS.deadlineWatched]: (event) => followDeadlineWatched(workflow, event) });
