// Consumes what follows an access-to-information request's outcome, as one reader of the table's stream (besides
// FollowTransparencyEvents and notifications): a refusal or partial answer has its letter signed, rendered and stored
// once, out of the answering transaction; a complaint to the head of the body gets its reminder workflow; each counted
// change is added to its commune's annual figures. A failed
// record fails the batch, and the stream delivers it again.
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { refusalLetterPapers } from '../adapters/refusal-letter.dependencies.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { COMPLAINT_REMINDER_WORKFLOW_ID } from '../adapters/recourse-keys.ts';
import { followComplaintReminder } from '../application/recourse-end.use-cases.ts';
import { issueRefusalLetter } from '../application/refusal-letter.use-cases.ts';
import { requestFiguresRepository } from '../adapters/request-figures.dependencies.ts';
import { countRequestEvent } from '../application/request-figures.use-cases.ts';
import { REQUEST_COUNTED } from '../domain/request-figures.ts';
import { COMPLAINT_REMINDER_WATCHED } from '../domain/recourse-end.ts';
import { REFUSAL_DECIDED } from '../domain/refusal-letter.ts';

const reminders = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(COMPLAINT_REMINDER_WORKFLOW_ID), 'information-complaint');

export const handler = eventConsumer({
  [REFUSAL_DECIDED]: async (event) => {
    await issueRefusalLetter(transparencyDependencies.repository, refusalLetterPapers, event);
  },
  [COMPLAINT_REMINDER_WATCHED]: (event) => followComplaintReminder(reminders, event),
  [REQUEST_COUNTED]: (event) => countRequestEvent(requestFiguresRepository, event),
});
