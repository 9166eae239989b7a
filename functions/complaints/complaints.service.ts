// Complaints (Chikaya): complaints, observations and suggestions filed with a collectivity, acknowledged and
// answered by its complaints unit within the two legal deadlines of Decree 2-17-265, transferred to the competent
// body, reopened once and rated by their complainant.
import { HOLIDAYS_CHANGED, REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import { LETTER_CLASSIFIED, REGISTRY_OFFICE_TABLE_ID } from '../registry-office/public.ts';
import { deadlineCaseWorkflows } from '../shared/case-clock/deadline-case-workflows.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { COMPLAINT_DEADLINE_WORKFLOW_ID, COMPLAINT_PHOTOS_BUCKET, COMPLAINT_PHOTOS_BUCKET_ID, COMPLAINT_SWEEP_WORKFLOW_ID, COMPLAINTS_TABLE, COMPLAINTS_TABLE_ID } from './adapters/complaints-keys.ts';
import { COMPLAINTS_PROBLEMS } from './complaints.problems.ts';
import { COMPLAINT_EVENTS } from './domain/complaint.ts';
import { COMPLAINT_COUNTED } from './domain/complaint-figures.ts';
import {
  acknowledgeRoute,
  answerRoute,
  assignRoute,
  closeRoute,
  complaintHistoryRoute,
  fileComplaintRoute,
  getComplaintRoute,
  getSettingsRoute,
  provideInformationRoute,
  putSettingsRoute,
  qualifyRoute,
  rateRoute,
  mediatorPackRoute,
  referToMediatorRoute,
  reopenRoute,
  requestInformationRoute,
  takeUpRoute,
  transferRoute,
  unitQueueRoute,
  complaintFiguresRoute,
  declarePhotoRoute,
  completePhotoRoute,
  readPhotoRoute,
  fileAnonymousComplaintRoute,
  followUpRoute,
  myComplaintsRoute,
} from './schemas/complaints.schema.ts';
import { open311PostRequestRoute, open311RequestRoute, open311RequestsRoute, open311ServiceDefinitionRoute, open311ServicesRoute, open311TokenRoute } from './schemas/open311.schema.ts';

const handlers = 'functions/complaints/handlers';
const reads = { [COMPLAINTS_TABLE_ID]: 'read' } as const;
/** A change writes the complaint and its event; nothing here deletes an item. */
const changes = { [COMPLAINTS_TABLE_ID]: 'append' } as const;
/** Filing, settings and the changes that count days read the commune and the holidays from reference data. */
const withReference = { [COMPLAINTS_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const complaintsService: ServiceDescription = {
  name: 'complaints',
  tables: [COMPLAINTS_TABLE],
  buckets: [COMPLAINT_PHOTOS_BUCKET],
  problems: COMPLAINTS_PROBLEMS,
  stateMachines: deadlineCaseWorkflows({
    workflowId: COMPLAINT_DEADLINE_WORKFLOW_ID,
    checkFunctionId: 'CheckComplaintDeadlines',
    sweepWorkflowId: COMPLAINT_SWEEP_WORKFLOW_ID,
    sweepFunctionId: 'SweepOverdueComplaints',
  }),
  functions: [
    fn('FileComplaint', 'file-complaint', { route: fileComplaintRoute, tables: withReference }),
    // Where the commune allows it, anyone files without signing in and follows the complaint by its token.
    fn('FileAnonymousComplaint', 'file-anonymous-complaint', { route: fileAnonymousComplaintRoute, tables: withReference }),
    fn('FollowUpComplaint', 'follow-up-complaint', { route: followUpRoute, tables: reads }),
    fn('MyComplaints', 'my-complaints', { route: myComplaintsRoute, tables: reads }),
    fn('GetComplaint', 'get-complaint', { route: getComplaintRoute, tables: reads }),
    fn('ComplaintHistory', 'complaint-history', { route: complaintHistoryRoute, tables: reads }),
    fn('ComplaintsQueue', 'unit-queue', { route: unitQueueRoute, tables: reads }),
    fn('AcknowledgeComplaint', 'acknowledge-complaint', { route: acknowledgeRoute, tables: changes }),
    fn('QualifyComplaint', 'qualify-complaint', { route: qualifyRoute, tables: changes }),
    fn('AssignComplaint', 'assign-complaint', { route: assignRoute, tables: changes }),
    fn('TakeUpComplaint', 'take-up-complaint', { route: takeUpRoute, tables: changes }),
    fn('RequestComplaintInformation', 'request-information', { route: requestInformationRoute, tables: withReference }),
    fn('ProvideComplaintInformation', 'provide-information', { route: provideInformationRoute, tables: withReference }),
    fn('TransferComplaint', 'transfer-complaint', { route: transferRoute, tables: withReference }),
    fn('AnswerComplaint', 'answer-complaint', { route: answerRoute, tables: changes }),
    fn('CloseComplaint', 'close-complaint', { route: closeRoute, tables: changes }),
    fn('ReopenComplaint', 'reopen-complaint', { route: reopenRoute, tables: changes }),
    fn('RateComplaint', 'rate-complaint', { route: rateRoute, tables: changes }),
    fn('ComplaintMediatorPack', 'mediator-pack', { route: mediatorPackRoute, tables: reads }),
    fn('ReferComplaintToMediator', 'refer-to-mediator', { route: referToMediatorRoute, tables: changes }),
    // Photos: the upload URL is signed with the declaring function's rights (PutObject); the completion reads the
    // upload, writes its copy without metadata and removes a refused one; reads sign links to the photo as taken.
    fn('DeclareComplaintPhoto', 'declare-photo', { route: declarePhotoRoute, tables: changes, buckets: { [COMPLAINT_PHOTOS_BUCKET_ID]: 'append' } }),
    fn('CompleteComplaintPhoto', 'complete-photo', { route: completePhotoRoute, tables: changes, buckets: { [COMPLAINT_PHOTOS_BUCKET_ID]: 'write' } }),
    fn('ReadComplaintPhoto', 'read-photo', { route: readPhotoRoute, tables: changes, buckets: { [COMPLAINT_PHOTOS_BUCKET_ID]: 'read' } }),
    fn('GetComplaintSettings', 'get-settings', { route: getSettingsRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('SetComplaintSettings', 'put-settings', { route: putSettingsRoute, tables: withReference }),
    fn('ComplaintFigures', 'complaint-figures', { route: complaintFiguresRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    // Each counted change adds to its collectivity's open figures, out of the change's transaction.
    fn('CountComplaintFigures', 'count-complaint-figures', {
      tables: changes,
      consumes: [{ tableId: COMPLAINTS_TABLE_ID, eventTypes: [COMPLAINT_COUNTED] }],
    }),
    // Each filing's possible duplicates are suggested to the unit, out of the filing's transaction.
    fn('SuggestComplaintDuplicates', 'suggest-duplicates', {
      tables: changes,
      consumes: [{ tableId: COMPLAINTS_TABLE_ID, eventTypes: [COMPLAINT_EVENTS.filed] }],
    }),
    // Each answer is told to the complainants of the complaints qualified as its duplicates.
    fn('ShareComplaintAnswer', 'share-answer', {
      tables: changes,
      consumes: [{ tableId: COMPLAINTS_TABLE_ID, eventTypes: [COMPLAINT_EVENTS.answered] }],
    }),
    // Open311 GeoReport v2: public reads from the settings and the byJurisdiction index, filing as the native route does.
    fn('Open311Services', 'open311-services', { route: open311ServicesRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('Open311ServiceDefinition', 'open311-service-definition', { route: open311ServiceDefinitionRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('Open311PostRequest', 'open311-post-request', { route: open311PostRequestRoute, tables: withReference }),
    // They sign links to photos' copies without metadata (`media_url`), never to a photo as taken.
    fn('Open311Requests', 'open311-requests', { route: open311RequestsRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' }, buckets: { [COMPLAINT_PHOTOS_BUCKET_ID]: 'read' } }),
    fn('Open311Request', 'open311-request', { route: open311RequestRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' }, buckets: { [COMPLAINT_PHOTOS_BUCKET_ID]: 'read' } }),
    fn('Open311Token', 'open311-token', { route: open311TokenRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    // The two clocks: each complaint's workflow is started from its event, out of the request.
    fn('FollowComplaintEvents', 'follow-complaint-events', {
      startsStateMachines: [COMPLAINT_DEADLINE_WORKFLOW_ID],
      consumes: [{ tableId: COMPLAINTS_TABLE_ID, eventTypes: [COMPLAINT_EVENTS.deadlineWatched] }],
    }),
    // A letter the registry office classifies as a complaint opens one, its clocks from the registry's receipt.
    fn('OpenComplaintFromLetter', 'open-from-letter', {
      tables: withReference,
      consumes: [{ tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [LETTER_CLASSIFIED] }],
    }),
    fn('CheckComplaintDeadlines', 'check-complaint-deadlines', { tables: changes }),
    fn('SweepOverdueComplaints', 'sweep-overdue-complaints', { tables: changes, timeoutSeconds: 300 }),
    // When an administrator confirms or moves holidays, the open deadlines over that year are counted again.
    fn('RecountComplaintDeadlines', 'recount-complaint-deadlines', {
      tables: withReference,
      timeoutSeconds: 300,
      consumes: [{ tableId: REFERENCE_TABLE_ID, eventTypes: [HOLIDAYS_CHANGED], batchSize: 1 }],
    }),
  ],
};
