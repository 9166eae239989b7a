// The permits service (the Rokhas one-stop shop): filing, instruction, the statutory clock on Step Functions
// and deemed approval when the administration stays silent.
import { PDF_FONT_PACKAGE_FILES } from '../shared/pdf/fonts.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import {
  PERMIT_DEADLINE_WORKFLOW_ID,
  PERMIT_DOCUMENTS_BUCKET_ID,
  PERMIT_INDEXES,
  PERMIT_SWEEP_WORKFLOW_ID,
  PERMITS_TABLE_ID,
} from './adapters/permit-keys.ts';
import {
  completeDocumentRoute,
  decidePermitRoute,
  extendDeadlineRoute,
  filePermitRoute,
  getPermitRoute,
  giveOpinionRoute,
  invokeDeemedApprovalRoute,
  listNotificationsRoute,
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

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const permitsService: ServiceDescription = {
  name: 'permits',
  tables: [{ id: PERMITS_TABLE_ID, partitionKey: 'pk', sortKey: 'sk', globalIndexes: Object.values(PERMIT_INDEXES) }],
  buckets: [{ id: PERMIT_DOCUMENTS_BUCKET_ID }],
  stateMachines: [
    {
      id: PERMIT_DEADLINE_WORKFLOW_ID,
      definitionFile: 'statemachines/permit-deadline.asl.json',
      substitutions: { CheckPermitDeadlineFunction: { functionId: 'CheckPermitDeadline' } },
    },
    {
      id: PERMIT_SWEEP_WORKFLOW_ID,
      definitionFile: 'statemachines/permit-deadline-sweep.asl.json',
      substitutions: { SweepOverduePermitsFunction: { functionId: 'SweepOverduePermits' } },
      // Every night at 00:30 in Morocco, just after the deadlines of the day before have passed.
      schedule: { expression: 'cron(30 0 * * ? *)' },
    },
  ],
  functions: [
    fn('FilePermit', 'file-permit', { route: filePermitRoute, tables: writes, startsStateMachines: [PERMIT_DEADLINE_WORKFLOW_ID] }),
    fn('GetPermit', 'get-permit', { route: getPermitRoute, tables: reads }),
    fn('ListPermits', 'list-permits', { route: listPermitsRoute, tables: reads }),
    fn('PermitHistory', 'permit-history', { route: permitHistoryRoute, tables: reads }),
    fn('RequestPermitDocuments', 'request-documents', { route: requestDocumentsRoute, tables: writes }),
    // Declaring only signs upload URLs; completing reads the upload back (and removes a refused one).
    fn('ProvidePermitDocuments', 'provide-documents', { route: provideDocumentsRoute, tables: writes, buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'write' } }),
    fn('CompletePermitDocument', 'complete-document', {
      route: completeDocumentRoute,
      tables: writes,
      buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'write' },
      startsStateMachines: [PERMIT_DEADLINE_WORKFLOW_ID],
    }),
    fn('ReadPermitDocument', 'read-document', { route: readDocumentRoute, tables: writes, buckets: { [PERMIT_DOCUMENTS_BUCKET_ID]: 'read' } }),
    fn('PermitAccessLog', 'permit-access-log', { route: permitAccessLogRoute, tables: reads }),
    fn('ExtendPermitDeadline', 'extend-deadline', { route: extendDeadlineRoute, tables: writes }),
    fn('GivePermitOpinion', 'give-opinion', { route: giveOpinionRoute, tables: writes }),
    fn('DecidePermit', 'decide-permit', { route: decidePermitRoute, tables: writes }),
    fn('InvokeDeemedApproval', 'invoke-deemed-approval', { route: invokeDeemedApprovalRoute, tables: writes }),
    fn('PermitStats', 'permit-stats', { route: permitStatsRoute, tables: reads }),
    // Rendering PDFs is CPU-bound: more memory buys a faster CPU share in Lambda.
    fn('PermitReceipt', 'permit-receipt', { route: permitReceiptRoute, tables: reads, memoryMb: 1024, packageFiles: [PDF_FONT_PACKAGE_FILES] }),
    fn('PermitCertificate', 'permit-certificate', { route: permitCertificateRoute, tables: reads, memoryMb: 1024, packageFiles: [PDF_FONT_PACKAGE_FILES] }),
    fn('ListPermitNotifications', 'list-notifications', { route: listNotificationsRoute, tables: reads }),
    fn('CheckPermitDeadline', 'check-permit-deadline', { tables: writes }),
    fn('SweepOverduePermits', 'sweep-overdue-permits', { tables: writes, timeoutSeconds: 300 }),
  ],
};
