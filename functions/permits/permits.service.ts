// The permits service (the Rokhas one-stop shop): filing, instruction, the statutory clock on Step Functions
// and deemed approval when the administration stays silent.
import { deadlineCaseWorkflows } from '../shared/case-clock/deadline-case-workflows.ts';
import { PDF_PACKAGE_FILES } from '../shared/pdf/font-files.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { PERMIT_PROBLEMS } from './permits.problems.ts';
import { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from '../documents/public.ts';
import { HOLIDAYS_CHANGED, REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import {
  PERMIT_DEADLINE_WORKFLOW_ID,
  PERMIT_DOCUMENTS_BUCKET_ID,
  PERMIT_SWEEP_WORKFLOW_ID,
  PERMITS_TABLE,
  PERMITS_TABLE_ID,
} from './adapters/permit-keys.ts';
import { FOLLOWED_PERMIT_EVENTS } from './application/follow-permit-events.use-case.ts';
import { RECORDED_PERMIT_EVENTS } from './application/record-permit-history.use-case.ts';
import {
  completeDocumentRoute,
  decidePermitRoute,
  extendDeadlineRoute,
  filePermitRoute,
  getPermitRoute,
  giveOpinionRoute,
  invokeDeemedApprovalRoute,
  permitAccessLogRoute,
  permitCertificateRoute,
  permitReceiptRoute,
  listPermitsRoute,
  permitHistoryRoute,
  permitStatsRoute,
  provideDocumentsRoute,
  readDocumentRoute,
  requestDocumentsRoute,
} from './schemas/permits.schema.ts';

const handlers = 'functions/permits/handlers';
const reads = { [PERMITS_TABLE_ID]: 'read', [REFERENCE_TABLE_ID]: 'read' } as const;
const writes = { [PERMITS_TABLE_ID]: 'write', [REFERENCE_TABLE_ID]: 'read' } as const;
/**
 * Issuing a receipt or certificate: signed with the documents' key, rendered (CPU-bound with its Arabic
 * shaping: more memory is more CPU on Lambda), stored and recorded in the register of signed documents.
 */
const issuesPapers = {
  tables: { ...writes, [DOCUMENTS_TABLE_ID]: 'write' },
  buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'write' },
  signingKeys: { [DOCUMENT_SIGNING_KEY_ID]: 'sign' },
  packageFiles: PDF_PACKAGE_FILES,
  memoryMb: 1024,
  timeoutSeconds: 30,
} as const;
/** Serving a stored receipt or certificate: the register and its bucket; no renderer, no signing key. */
const servesPapers = { tables: { ...reads, [DOCUMENTS_TABLE_ID]: 'read' }, buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'read' } } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const permitsService: ServiceDescription = {
  name: 'permits',
  problems: PERMIT_PROBLEMS,
  tables: [PERMITS_TABLE],
  buckets: [{ id: PERMIT_DOCUMENTS_BUCKET_ID, malwareScan: true, browserTransfers: true }],
  stateMachines: deadlineCaseWorkflows({
    workflowId: PERMIT_DEADLINE_WORKFLOW_ID,
    checkFunctionId: 'CheckPermitDeadline',
    sweepWorkflowId: PERMIT_SWEEP_WORKFLOW_ID,
    sweepFunctionId: 'SweepOverduePermits',
  }),
  functions: [
    fn('FilePermit', 'file-permit', { route: filePermitRoute, tables: writes }),
    fn('GetPermit', 'get-permit', { route: getPermitRoute, tables: reads }),
    fn('ListPermits', 'list-permits', { route: listPermitsRoute, tables: reads }),
    fn('PermitHistory', 'permit-history', { route: permitHistoryRoute, tables: reads }),
    fn('RequestPermitDocuments', 'request-documents', { route: requestDocumentsRoute, tables: writes }),
    // Declaring only signs upload URLs; completing reads the upload back (and removes a refused one).
    fn('ProvidePermitDocuments', 'provide-documents', { route: provideDocumentsRoute, tables: writes, buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'write' } }),
    fn('CompletePermitDocument', 'complete-document', { route: completeDocumentRoute, tables: writes, buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'write' } }),
    fn('ReadPermitDocument', 'read-document', { route: readDocumentRoute, tables: writes, buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'read' } }),
    fn('PermitAccessLog', 'permit-access-log', { route: permitAccessLogRoute, tables: reads }),
    fn('ExtendPermitDeadline', 'extend-deadline', { route: extendDeadlineRoute, tables: writes }),
    fn('GivePermitOpinion', 'give-opinion', { route: giveOpinionRoute, tables: writes }),
    fn('DecidePermit', 'decide-permit', { route: decidePermitRoute, tables: writes }),
    fn('InvokeDeemedApproval', 'invoke-deemed-approval', { route: invokeDeemedApprovalRoute, tables: writes }),
    fn('PermitStats', 'permit-stats', { route: permitStatsRoute, tables: reads }),
    fn('PermitReceipt', 'permit-receipt', { route: permitReceiptRoute, ...servesPapers }),
    fn('PermitCertificate', 'permit-certificate', { route: permitCertificateRoute, ...servesPapers }),
    // What follows each change, out of its transaction: the figures' counters, the deadline workflow's starts, the
    // applicant's papers.
    fn('FollowPermitEvents', 'follow-permit-events', {
      ...issuesPapers,
      startsStateMachines: [PERMIT_DEADLINE_WORKFLOW_ID],
      consumes: [{ tableId: PERMITS_TABLE_ID, eventTypes: FOLLOWED_PERMIT_EVENTS }],
    }),
    // Each change's history entry and the figures' overdue marker, from the change's event (the change is one write
    // of the permit). Its own queue: a paper whose issue fails holds up no history.
    fn('RecordPermitHistory', 'record-permit-history', {
      tables: writes,
      consumes: [{ tableId: PERMITS_TABLE_ID, eventTypes: RECORDED_PERMIT_EVENTS }],
    }),
    // When an administrator confirms or moves holidays, the running deadlines over that year are counted again.
    fn('RecountPermitDeadlines', 'recount-permit-deadlines', {
      tables: writes,
      timeoutSeconds: 300,
      consumes: [{ tableId: REFERENCE_TABLE_ID, eventTypes: [HOLIDAYS_CHANGED], batchSize: 1 }],
    }),
    fn('CheckPermitDeadline', 'check-permit-deadline', { tables: writes }),
    fn('SweepOverduePermits', 'sweep-overdue-permits', { tables: writes, timeoutSeconds: 300 }),
  ],
};
