// Transparency (Chafafiya): access-to-information requests under Law 31-13, filed online by citizens, registered
// by the commune's agents or handed over by the registry office, answered within their working-day clock, extended
// once with notice first, or implicitly refused when the deadline passes in silence.
import { HOLIDAYS_CHANGED, REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import { LETTER_CLASSIFIED, REGISTRY_OFFICE_TABLE_ID } from '../registry-office/public.ts';
import { deadlineCaseWorkflows } from '../shared/case-clock/deadline-case-workflows.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { REQUEST_DEADLINE_WORKFLOW_ID, REQUEST_SWEEP_WORKFLOW_ID, TRANSPARENCY_TABLE, TRANSPARENCY_TABLE_ID } from './adapters/transparency-keys.ts';
import { REQUEST_EVENTS } from './domain/request-clock.ts';
import {
  acknowledgeRequestRoute,
  answerRequestRoute,
  answerInternalComplaintRoute,
  askClarificationRoute,
  cdaiPackRoute,
  clarifyRequestRoute,
  fileInternalComplaintRoute,
  communeQueueRoute,
  complaintQueueRoute,
  extendRequestRoute,
  fileRequestRoute,
  getRequestRoute,
  getSettingsRoute,
  myRequestsRoute,
  noticeExtensionRoute,
  processRequestRoute,
  putSettingsRoute,
  registerRequestRoute,
  requestHistoryRoute,
  withdrawRequestRoute,
} from './schemas/transparency.schema.ts';
import { TRANSPARENCY_PROBLEMS } from './transparency.problems.ts';
import { RELEASED_DOCUMENTS_BUCKET, RELEASED_DOCUMENTS_BUCKET_ID } from './adapters/request-delivery-keys.ts';
import { COMPLAINT_REMINDER_WORKFLOW_ID } from './adapters/recourse-keys.ts';
import { COMPLAINT_REMINDER_WATCHED } from './domain/recourse-end.ts';
import {
  cdaiDecisionRoute,
  closeRequestRoute,
  completeReleasedDocumentRoute,
  courtAppealRoute,
  declareReleasedDocumentRoute,
  getTariffRoute,
  payCostsRoute,
  putTariffRoute,
  requestFiguresRoute,
  stateCostsRoute,
  tariffHistoryRoute,
  readReleasedDocumentRoute,
  refusalLetterRoute,
  releasedDocumentReadsRoute,
} from './schemas/requests-recourse.schema.ts';
import { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from '../documents/public.ts';
import { PDF_PACKAGE_FILES } from '../shared/pdf/font-files.ts';
import { REFUSAL_DECIDED } from './domain/refusal-letter.ts';
import { REQUEST_COUNTED } from './domain/request-figures.ts';
import { disclosedDocumentRoute, discloseRequestRoute, disclosureLogRoute } from './schemas/disclosure-log.schema.ts';

const handlers = 'functions/transparency/handlers';
const reads = { [TRANSPARENCY_TABLE_ID]: 'read' } as const;
/** Opening a request and extending one read the commune and its holidays from reference data; nothing here deletes an item. */
const writes = { [TRANSPARENCY_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;
/** A change of a request writes it and its event, and reads nothing else. */
const changes = { [TRANSPARENCY_TABLE_ID]: 'append' } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const transparencyService: ServiceDescription = {
  name: 'transparency',
  problems: TRANSPARENCY_PROBLEMS,
  tables: [TRANSPARENCY_TABLE],
  buckets: [RELEASED_DOCUMENTS_BUCKET],
  stateMachines: [
    ...deadlineCaseWorkflows({
      workflowId: REQUEST_DEADLINE_WORKFLOW_ID,
      checkFunctionId: 'CheckInformationRequestDeadline',
      sweepWorkflowId: REQUEST_SWEEP_WORKFLOW_ID,
      sweepFunctionId: 'SweepOverdueInformationRequests',
    }),
    // The same generic workflow wakes before the end of the head's answer period to remind the president.
    { id: COMPLAINT_REMINDER_WORKFLOW_ID, definitionFile: 'statemachines/deadline-case.asl.json', substitutions: { CheckDeadlineFunction: { functionId: 'RemindInformationComplaintHead' } } },
  ],
  functions: [
    fn('FileInformationRequest', 'file-request', { route: fileRequestRoute, tables: writes }),
    fn('RegisterInformationRequest', 'register-request', { route: registerRequestRoute, tables: writes }),
    fn('GetInformationRequest', 'get-request', { route: getRequestRoute, tables: reads }),
    fn('InformationRequestHistory', 'request-history', { route: requestHistoryRoute, tables: reads }),
    fn('AcknowledgeInformationRequest', 'acknowledge-request', { route: acknowledgeRequestRoute, tables: changes }),
    fn('ProcessInformationRequest', 'process-request', { route: processRequestRoute, tables: changes }),
    // A clarification may suspend the clock: counted with the holidays, read with the request.
    fn('AskInformationRequestClarification', 'ask-clarification', { route: askClarificationRoute, tables: writes }),
    fn('ClarifyInformationRequest', 'clarify-request', { route: clarifyRequestRoute, tables: writes }),
    fn('NoticeInformationRequestExtension', 'notice-extension', { route: noticeExtensionRoute, tables: changes }),
    fn('ExtendInformationRequest', 'extend-request', { route: extendRequestRoute, tables: writes }),
    fn('AnswerInformationRequest', 'answer-request', { route: answerRequestRoute, tables: changes }),
    fn('WithdrawInformationRequest', 'withdraw-request', { route: withdrawRequestRoute, tables: changes }),
    // The disclosure log: an agent publishes an answered request whose requester consented; anyone reads it.
    fn('DiscloseInformationRequest', 'disclose-request', { route: discloseRequestRoute, tables: changes }),
    fn('DisclosureLog', 'disclosure-log', { route: disclosureLogRoute, tables: reads }),
    fn('DisclosedDocument', 'disclosed-document', { route: disclosedDocumentRoute, tables: reads, buckets: { [RELEASED_DOCUMENTS_BUCKET_ID]: 'read' } }),
    // The recourse chain: its periods are counted with the holidays, read with the request.
    fn('FileInformationRequestComplaint', 'file-internal-complaint', { route: fileInternalComplaintRoute, tables: writes }),
    fn('AnswerInformationRequestComplaint', 'answer-internal-complaint', { route: answerInternalComplaintRoute, tables: writes }),
    fn('IssueInformationRequestCdaiPack', 'cdai-pack', { route: cdaiPackRoute, tables: writes }),
    fn('InformationRequestQueue', 'commune-queue', { route: communeQueueRoute, tables: reads }),
    fn('InformationRequestComplaintQueue', 'complaint-queue', { route: complaintQueueRoute, tables: reads }),
    fn('MyInformationRequests', 'my-requests', { route: myRequestsRoute, tables: reads }),
    fn('GetTransparencySettings', 'get-settings', { route: getSettingsRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('SetTransparencySettings', 'put-settings', { route: putSettingsRoute, tables: writes }),
    // What follows the context's own changes, out of their requests: each request's deadline workflow is started.
    fn('FollowTransparencyEvents', 'follow-transparency-events', {
      startsStateMachines: [REQUEST_DEADLINE_WORKFLOW_ID],
      consumes: [{ tableId: TRANSPARENCY_TABLE_ID, eventTypes: [REQUEST_EVENTS.deadlineWatched] }],
    }),
    // A letter the registry office classifies as an access-to-information request opens one.
    fn('OpenRegistryInformationRequests', 'open-registry-requests', {
      tables: writes,
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [LETTER_CLASSIFIED] }],
    }),
    fn('CheckInformationRequestDeadline', 'check-request-deadline', { tables: changes }),
    fn('SweepOverdueInformationRequests', 'sweep-overdue-requests', { tables: changes, timeoutSeconds: 300 }),
    // When an administrator confirms or moves holidays, the running deadlines over that year are counted again.
    fn('RecountInformationRequestDeadlines', 'recount-request-deadlines', {
      tables: writes,
      timeoutSeconds: 300,
      consumes: [{ tableId: REFERENCE_TABLE_ID, eventTypes: [HOLIDAYS_CHANGED], batchSize: 1 }],
    }),
    // The documents released with an answer: declared, uploaded by presigned URL, checked, scanned, read by link.
    fn('DeclareReleasedDocument', 'declare-released-document', { route: declareReleasedDocumentRoute, tables: changes, buckets: { [RELEASED_DOCUMENTS_BUCKET_ID]: 'append' } }),
    // It removes an upload that is not the declared file.
    fn('CompleteReleasedDocument', 'complete-released-document', { route: completeReleasedDocumentRoute, tables: changes, buckets: { [RELEASED_DOCUMENTS_BUCKET_ID]: 'write' } }),
    // It logs each read, and records the scanner's verdict the read finds.
    fn('ReadReleasedDocument', 'read-released-document', { route: readReleasedDocumentRoute, tables: changes, buckets: { [RELEASED_DOCUMENTS_BUCKET_ID]: 'read' } }),
    fn('ReleasedDocumentReads', 'released-document-reads', { route: releasedDocumentReadsRoute, tables: reads }),
    // What follows a request's outcome, out of its transaction, as one reader of the stream: the refusal letter of a
    // refusal or partial answer signed, rendered and stored once; a complaint's reminder workflow started.
    fn('FollowInformationRequestOutcomes', 'follow-request-outcomes', {
      startsStateMachines: [COMPLAINT_REMINDER_WORKFLOW_ID],
      // It adds to the annual figures' counters (transparency, append).
      tables: { [TRANSPARENCY_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read', [DOCUMENTS_TABLE_ID]: 'write' },
      buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'write' },
      signingKeys: { [DOCUMENT_SIGNING_KEY_ID]: 'sign' },
      packageFiles: PDF_PACKAGE_FILES,
      memoryMb: 1024,
      timeoutSeconds: 30,
      consumes: [{ tableId: TRANSPARENCY_TABLE_ID, eventTypes: [REFUSAL_DECIDED, COMPLAINT_REMINDER_WATCHED, REQUEST_COUNTED] }],
    }),
    // The end of the recourse chain: the CDAI's decision (its periods counted with the holidays), the court, closed.
    fn('RecordInformationRequestCdaiDecision', 'record-cdai-decision', { route: cdaiDecisionRoute, tables: writes }),
    fn('RecordInformationRequestCourtAppeal', 'record-court-appeal', { route: courtAppealRoute, tables: changes }),
    fn('CloseInformationRequest', 'close-request', { route: closeRequestRoute, tables: changes }),
    // It reads the commune's settings (whom to remind) and writes the reminder with its notification.
    fn('RemindInformationComplaintHead', 'remind-complaint-head', { tables: { ...changes, [REFERENCE_TABLE_ID]: 'read' } }),
    // The reproduction and sending costs: the tariff (commune checked in reference data), the statement, the payment.
    fn('GetInformationTariff', 'get-tariff', { route: getTariffRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('SetInformationTariff', 'put-tariff', { route: putTariffRoute, tables: writes }),
    fn('InformationTariffHistory', 'tariff-history', { route: tariffHistoryRoute, tables: reads }),
    fn('StateInformationRequestCosts', 'state-costs', { route: stateCostsRoute, tables: changes }),
    fn('PayInformationRequestCosts', 'pay-costs', { route: payCostsRoute, tables: changes }),
    // The annual figures, served from their counters item (the commune checked in reference data).
    fn('InformationRequestFigures', 'request-figures', { route: requestFiguresRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('InformationRefusalLetter', 'refusal-letter', { route: refusalLetterRoute, tables: { ...reads, [DOCUMENTS_TABLE_ID]: 'read' }, buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'read' } }),
  ],
};
