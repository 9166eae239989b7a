// Councils (Majaliss): the council of each collectivity, its sessions, agenda, convocations with signed evidence,
// sittings under the quorum of article 42, named votes, numbered deliberations under the governor's legality
// control, and their public OParl 1.1 and iCalendar publication.
import { HOLIDAYS_CHANGED, REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import { deadlineCaseWorkflows } from '../shared/case-clock/deadline-case-workflows.ts';
import { PDF_PACKAGE_FILES } from '../shared/pdf/font-files.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { AGENDA_PAPERS_BUCKET, AGENDA_PAPERS_BUCKET_ID, CONTROL_DEADLINE_WORKFLOW_ID, CONTROL_SWEEP_WORKFLOW_ID, CONVOCATION_SIGNING_KEY_ID, COUNCIL_PAPERS_BUCKET_ID, COUNCILS_TABLE, COUNCILS_TABLE_ID } from './adapters/councils-keys.ts';
import { CONTROL_EVENTS } from './domain/control-clocks.ts';
import { COUNCILS_PROBLEMS } from './councils.problems.ts';
import { DELIBERATION_ADOPTED } from './domain/deliberation.ts';
import { SESSION_CLOSED, SESSION_CONVENED } from './domain/session.ts';
import {
  addAgendaItemRoute,
  attendanceReplyRoute,
  calendarRoute,
  closeAgendaRoute,
  closeSessionRoute,
  completePaperRoute,
  conveneSessionRoute,
  convocationPdfRoute,
  declarePaperRoute,
  decideItemRequestRoute,
  deliberationPdfRoute,
  getConvocationRoute,
  getDeliberationRoute,
  getSessionRoute,
  getSettingsRoute,
  minutesPdfRoute,
  oparlBodiesRoute,
  oparlBodyListRoute,
  oparlBodyRoute,
  oparlFileContentRoute,
  oparlObjectRoute,
  oparlPaperDownloadRoute,
  oparlSystemRoute,
  openSittingRoute,
  opposeRoute,
  planSessionRoute,
  putBodyRoute,
  putSettingsRoute,
  readConvocationRoute,
  readPaperRoute,
  receiveRoute,
  requestItemRoute,
  reexamineRoute,
  referRoute,
  transmitRoute,
  visaRoute,
  voteRoute,
} from './schemas/councils.schema.ts';

const handlers = 'functions/councils/handlers';
const reads = { [COUNCILS_TABLE_ID]: 'read' } as const;
/** Nothing here deletes an item: every change writes its record, its history event and its outbox events. */
const changes = { [COUNCILS_TABLE_ID]: 'append' } as const;
/**
 * The changes that read reference data in the same BatchGetItem: the holidays of those counted in working days, the
 * collectivity of a body (its territory).
 */
const withReference = { [COUNCILS_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;
const signs = { signingKeys: { [CONVOCATION_SIGNING_KEY_ID]: 'sign' } } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const councilsService: ServiceDescription = {
  name: 'councils',
  problems: COUNCILS_PROBLEMS,
  tables: [COUNCILS_TABLE],
  buckets: [{ id: COUNCIL_PAPERS_BUCKET_ID }, AGENDA_PAPERS_BUCKET],
  stateMachines: deadlineCaseWorkflows({
    workflowId: CONTROL_DEADLINE_WORKFLOW_ID,
    checkFunctionId: 'CheckCouncilControlDeadline',
    sweepWorkflowId: CONTROL_SWEEP_WORKFLOW_ID,
    sweepFunctionId: 'SweepOverdueCouncilControls',
  }),
  signingKeys: [{ id: CONVOCATION_SIGNING_KEY_ID, description: "Signs the evidence of each council convocation's sending and first reading (ES256)" }],
  functions: [
    fn('PutCouncilBody', 'put-body', { route: putBodyRoute, tables: withReference }),
    fn('GetCouncilSettings', 'get-settings', { route: getSettingsRoute, tables: reads }),
    fn('PutCouncilSettings', 'put-settings', { route: putSettingsRoute, tables: changes }),
    fn('PlanCouncilSession', 'plan-session', { route: planSessionRoute, tables: changes }),
    fn('GetCouncilSession', 'get-session', { route: getSessionRoute, tables: reads }),
    fn('AddCouncilAgendaItem', 'add-agenda-item', { route: addAgendaItemRoute, tables: changes }),
    fn('RequestCouncilAgendaItem', 'request-agenda-item', { route: requestItemRoute, tables: changes }),
    fn('DecideCouncilItemRequest', 'decide-item-request', { route: decideItemRequestRoute, tables: changes }),
    fn('CloseCouncilAgenda', 'close-agenda', { route: closeAgendaRoute, tables: changes }),
    fn('ConveneCouncilSession', 'convene-session', { route: conveneSessionRoute, tables: changes }),
    fn('ReplyToCouncilConvocation', 'reply-to-convocation', { route: attendanceReplyRoute, tables: changes }),
    // The third meeting's day is counted in working days.
    fn('OpenCouncilSitting', 'open-sitting', { route: openSittingRoute, tables: withReference }),
    fn('VoteCouncilItem', 'vote-item', { route: voteRoute, tables: changes }),
    // The transmission period starts at the close, counted in working days.
    fn('CloseCouncilSession', 'close-session', { route: closeSessionRoute, tables: withReference }),
    // The agenda's papers: the upload URL is signed with the declaring function's rights (PutObject); the completion
    // reads the object back and removes it when refused; readers are handed a link signed with read rights.
    fn('DeclareCouncilPaper', 'declare-paper', { route: declarePaperRoute, tables: changes, buckets: { [AGENDA_PAPERS_BUCKET_ID]: 'append' } }),
    fn('CompleteCouncilPaper', 'complete-paper', { route: completePaperRoute, tables: changes, buckets: { [AGENDA_PAPERS_BUCKET_ID]: 'write' } }),
    fn('ReadCouncilPaper', 'read-paper', { route: readPaperRoute, tables: changes, buckets: { [AGENDA_PAPERS_BUCKET_ID]: 'read' } }),
    fn('GetCouncilConvocation', 'get-convocation', { route: getConvocationRoute, tables: reads }),
    fn('ReadCouncilConvocation', 'read-convocation', { route: readConvocationRoute, tables: changes, ...signs }),
    fn('CouncilConvocationPdf', 'convocation-pdf', { route: convocationPdfRoute, tables: reads, buckets: { [COUNCIL_PAPERS_BUCKET_ID]: 'read' } }),
    // The PDFs' downloads read the body only for a governor, whose scope is the body's territory.
    fn('CouncilMinutesPdf', 'minutes-pdf', { route: minutesPdfRoute, tables: reads, buckets: { [COUNCIL_PAPERS_BUCKET_ID]: 'read' } }),
    fn('GetCouncilDeliberation', 'get-deliberation', { route: getDeliberationRoute, tables: reads }),
    fn('CouncilDeliberationPdf', 'deliberation-pdf', { route: deliberationPdfRoute, tables: reads, buckets: { [COUNCIL_PAPERS_BUCKET_ID]: 'read' } }),
    fn('TransmitCouncilDeliberation', 'transmit-deliberation', { route: transmitRoute, tables: withReference }),
    fn('ReceiveCouncilDeliberation', 'receive-deliberation', { route: receiveRoute, tables: withReference }),
    fn('OpposeCouncilDeliberation', 'oppose-deliberation', { route: opposeRoute, tables: changes }),
    fn('DecideCouncilVisa', 'decide-visa', { route: visaRoute, tables: changes }),
    fn('ReexamineCouncilDeliberation', 'reexamine-deliberation', { route: reexamineRoute, tables: changes }),
    fn('ReferCouncilDeliberation', 'refer-deliberation', { route: referRoute, tables: changes }),
    fn('CouncilCalendar', 'calendar', { route: calendarRoute, tables: reads }),
    fn('OparlSystem', 'oparl-system', { route: oparlSystemRoute }),
    fn('OparlBodies', 'oparl-bodies', { route: oparlBodiesRoute, tables: reads }),
    fn('OparlBody', 'oparl-body', { route: oparlBodyRoute, tables: reads }),
    fn('OparlBodyList', 'oparl-body-list', { route: oparlBodyListRoute, tables: reads }),
    fn('OparlObject', 'oparl-object', { route: oparlObjectRoute, tables: reads }),
    fn('OparlFileContent', 'oparl-file-content', { route: oparlFileContentRoute, tables: reads }),
    fn('OparlPaperDownload', 'oparl-paper-download', { route: oparlPaperDownloadRoute, tables: reads, buckets: { [AGENDA_PAPERS_BUCKET_ID]: 'read' } }),
    // Sixty members are sixty signatures and notifications: sent from the convocation's event, out of its request.
    fn('SendCouncilConvocations', 'send-convocations', { tables: changes, ...signs, timeoutSeconds: 120, consumes: [{ tableId: COUNCILS_TABLE_ID, eventTypes: [SESSION_CONVENED] }] }),
    // The control periods on the deadline-case kit: the check its workflow calls, the nightly sweep, and one consumer
    // starting each case's workflow and, on a holiday change, counting the running periods again.
    fn('CheckCouncilControlDeadline', 'check-control-deadline', { tables: changes }),
    fn('SweepOverdueCouncilControls', 'sweep-overdue-controls', { tables: changes, timeoutSeconds: 300 }),
    fn('FollowCouncilControls', 'follow-council-controls', {
      tables: withReference,
      startsStateMachines: [CONTROL_DEADLINE_WORKFLOW_ID],
      timeoutSeconds: 300,
      consumes: [
        { tableId: COUNCILS_TABLE_ID, eventTypes: [CONTROL_EVENTS.watched] },
        { tableId: REFERENCE_TABLE_ID, eventTypes: [HOLIDAYS_CHANGED], batchSize: 1 },
      ],
    }),
    // Each deliberation's PDF is rendered once, from its adoption's event, and stored; the download never renders.
    fn('RenderCouncilDeliberationPdf', 'render-deliberation-pdf', {
      tables: reads,
      buckets: { [COUNCIL_PAPERS_BUCKET_ID]: 'append' },
      packageFiles: PDF_PACKAGE_FILES,
      memoryMb: 1024,
      timeoutSeconds: 30,
      consumes: [{ tableId: COUNCILS_TABLE_ID, eventTypes: [DELIBERATION_ADOPTED] }],
    }),
    // Each meeting's convocation and each closed session's minutes, rendered once from the session's events.
    fn('RenderCouncilSessionPdfs', 'render-session-pdfs', {
      tables: reads,
      buckets: { [COUNCIL_PAPERS_BUCKET_ID]: 'append' },
      packageFiles: PDF_PACKAGE_FILES,
      memoryMb: 1024,
      timeoutSeconds: 30,
      consumes: [{ tableId: COUNCILS_TABLE_ID, eventTypes: [SESSION_CONVENED, SESSION_CLOSED] }],
    }),
  ],
};
