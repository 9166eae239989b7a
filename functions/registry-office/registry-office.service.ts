// The registry office (bureau d'ordre): every official letter of a collectivity numbered in its register,
// lodged online by citizens or registered by clerks, routed to the service that answers it with an outgoing letter
// of its own number within its processing deadline, followed by its sender with a secret code, and searched.
import { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from '../documents/public.ts';
import { HOLIDAYS_CHANGED, REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import { deadlineCaseWorkflows } from '../shared/case-clock/deadline-case-workflows.ts';
import { PDF_PACKAGE_FILES } from '../shared/pdf/font-files.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { LETTER_DEADLINE_WORKFLOW_ID, LETTER_SWEEP_WORKFLOW_ID, REGISTRY_OFFICE_TABLE, REGISTRY_OFFICE_TABLE_ID } from './adapters/registry-office-keys.ts';
import { LETTER_ATTACHMENTS_BUCKET, LETTER_ATTACHMENTS_BUCKET_ID } from './adapters/attachments-keys.ts';
import { LETTER_EVENTS } from './domain/letter-deadline.ts';
import { LETTER_REGISTERED } from './domain/letter.ts';
import { ANSWER_SIGNATURE_REFUSED } from './domain/letter-steps.ts';
import { REGISTRY_OFFICE_PROBLEMS } from './registry-office.problems.ts';
import {
  answerLetterRoute,
  attachmentReadsRoute,
  awaitedStepsRoute,
  cancelLetterRoute,
  changePriorityRoute,
  completeAttachmentRoute,
  decideApprovalRoute,
  declareAttachmentRoute,
  dispatchLetterRoute,
  giveOpinionRoute,
  readAttachmentRoute,
  signLetterRoute,
  refuseSignatureRoute,
  classifyLetterRoute,
  closeLetterRoute,
  redirectLetterRoute,
  routeLetterRoute,
  searchRegisterRoute,
  settingsHistoryRoute,
  serviceQueueRoute,
  getLetterRoute,
  letterAcknowledgmentRoute,
  getSettingsRoute,
  letterHistoryRoute,
  lodgeLetterRoute,
  lookUpLetterRoute,
  overdueLettersRoute,
  putSettingsRoute,
  readRegisterRoute,
  registerLetterRoute,
} from './schemas/registry-office.schema.ts';

const handlers = 'functions/registry-office/handlers';
const reads = { [REGISTRY_OFFICE_TABLE_ID]: 'read' } as const;
/** Numbering and settings read the commune from reference data; nothing here deletes an item. */
const writes = { [REGISTRY_OFFICE_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;
/** A change of a letter writes it and its event, and reads nothing else. */
const changes = { [REGISTRY_OFFICE_TABLE_ID]: 'append' } as const;

/** The acknowledgment is read from the documents' register and bucket, never written by the route. */
const servesAcknowledgments = { tables: { ...reads, [DOCUMENTS_TABLE_ID]: 'read' }, buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'read' } } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const registryOfficeService: ServiceDescription = {
  name: 'registry-office',
  problems: REGISTRY_OFFICE_PROBLEMS,
  tables: [REGISTRY_OFFICE_TABLE],
  buckets: [LETTER_ATTACHMENTS_BUCKET],
  stateMachines: deadlineCaseWorkflows({
    workflowId: LETTER_DEADLINE_WORKFLOW_ID,
    checkFunctionId: 'CheckLetterDeadline',
    sweepWorkflowId: LETTER_SWEEP_WORKFLOW_ID,
    sweepFunctionId: 'SweepOverdueLetters',
  }),
  functions: [
    fn('LodgeLetter', 'lodge-letter', { route: lodgeLetterRoute, tables: writes }),
    fn('RegisterLetter', 'register-letter', { route: registerLetterRoute, tables: writes }),
    fn('GetLetter', 'get-letter', { route: getLetterRoute, tables: reads }),
    fn('LetterAcknowledgment', 'letter-acknowledgment', { route: letterAcknowledgmentRoute, ...servesAcknowledgments }),
    fn('LetterHistory', 'letter-history', { route: letterHistoryRoute, tables: reads }),
    // Attachments: the upload URL is signed with the declaring function's rights (PutObject); the completion reads
    // the object back and removes a refused one; reads hand out links signed with GetObject only.
    fn('DeclareLetterAttachment', 'declare-attachment', { route: declareAttachmentRoute, tables: changes, buckets: { [LETTER_ATTACHMENTS_BUCKET_ID]: 'append' } }),
    fn('CompleteLetterAttachment', 'complete-attachment', { route: completeAttachmentRoute, tables: changes, buckets: { [LETTER_ATTACHMENTS_BUCKET_ID]: 'write' } }),
    fn('ReadLetterAttachment', 'read-attachment', { route: readAttachmentRoute, tables: changes, buckets: { [LETTER_ATTACHMENTS_BUCKET_ID]: 'read' } }),
    fn('LetterAttachmentReads', 'attachment-reads', { route: attachmentReadsRoute, tables: reads }),
    fn('ClassifyLetter', 'classify-letter', { route: classifyLetterRoute, tables: changes }),
    fn('RouteLetter', 'route-letter', { route: routeLetterRoute, tables: changes }),
    fn('RedirectLetter', 'redirect-letter', { route: redirectLetterRoute, tables: changes }),
    // The answer is an outgoing letter: numbered like a registration.
    fn('AnswerLetter', 'answer-letter', { route: answerLetterRoute, tables: writes }),
    fn('CloseLetter', 'close-letter', { route: closeLetterRoute, tables: changes }),
    fn('CancelLetter', 'cancel-letter', { route: cancelLetterRoute, tables: changes }),
    fn('GiveLetterOpinion', 'give-opinion', { route: giveOpinionRoute, tables: changes }),
    fn('DecideLetterApproval', 'decide-approval', { route: decideApprovalRoute, tables: changes }),
    fn('SignLetter', 'sign-letter', { route: signLetterRoute, tables: changes }),
    fn('RefuseLetterSignature', 'refuse-signature', { route: refuseSignatureRoute, tables: changes }),
    fn('DispatchLetter', 'dispatch-letter', { route: dispatchLetterRoute, tables: changes }),
    // The deadline is counted again with the commune's periods and the holidays from reference data.
    fn('ChangeLetterPriority', 'change-priority', { route: changePriorityRoute, tables: writes }),
    fn('AwaitedSteps', 'awaited-steps', { route: awaitedStepsRoute, tables: reads }),
    fn('ServiceQueue', 'service-queue', { route: serviceQueueRoute, tables: reads }),
    fn('OverdueLetters', 'overdue-letters', { route: overdueLettersRoute, tables: reads }),
    fn('SearchRegister', 'search-register', { route: searchRegisterRoute, tables: reads }),
    fn('ReadRegister', 'read-register', { route: readRegisterRoute, tables: reads }),
    fn('LookUpLetter', 'look-up-letter', { route: lookUpLetterRoute, tables: reads }),
    fn('GetRegistrySettings', 'get-settings', { route: getSettingsRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('SetRegistrySettings', 'put-settings', { route: putSettingsRoute, tables: writes }),
    fn('RegistrySettingsHistory', 'settings-history', { route: settingsHistoryRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    // The processing deadlines: each letter's workflow is started from its event, out of the request.
    fn('FollowLetterEvents', 'follow-letter-events', {
      startsStateMachines: [LETTER_DEADLINE_WORKFLOW_ID],
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [LETTER_EVENTS.deadlineWatched] }],
    }),
    // A letter whose answer was refused signature goes back to its recipient, out of the refusal's transaction.
    fn('WithdrawRefusedAnswer', 'withdraw-refused-answer', {
      tables: changes,
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [ANSWER_SIGNATURE_REFUSED] }],
    }),
    // Each registered letter is listed under its search tokens, out of the registering transaction.
    fn('IndexLetterForSearch', 'index-letter-for-search', {
      tables: changes,
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [LETTER_REGISTERED] }],
    }),
    // Each incoming letter's acknowledgment is signed, rendered and stored once, out of the registering transaction.
    fn('IssueLetterAcknowledgment', 'issue-letter-acknowledgment', {
      // It records the issued acknowledgment beside the letter.
      tables: { ...changes, [REFERENCE_TABLE_ID]: 'read', [DOCUMENTS_TABLE_ID]: 'write' },
      buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'write' },
      signingKeys: { [DOCUMENT_SIGNING_KEY_ID]: 'sign' },
      packageFiles: PDF_PACKAGE_FILES,
      memoryMb: 1024,
      timeoutSeconds: 30,
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [LETTER_REGISTERED] }],
    }),
    fn('CheckLetterDeadline', 'check-letter-deadline', { tables: changes }),
    fn('SweepOverdueLetters', 'sweep-overdue-letters', { tables: changes, timeoutSeconds: 300 }),
    // When an administrator confirms or moves holidays, the running deadlines over that year are counted again.
    fn('RecountLetterDeadlines', 'recount-letter-deadlines', {
      tables: writes,
      timeoutSeconds: 300,
      consumes: [{ tableId: REFERENCE_TABLE_ID, eventTypes: [HOLIDAYS_CHANGED], batchSize: 1 }],
    }),
  ],
};
