// The civil-status service: acts in DynamoDB with their actions, the national search by name in both
// scripts, digital civil identifiers, and the access log of every read.
import { ACT_REGISTERED } from './domain/act-events.ts';
import type { ServiceDescription } from '../shared/service-description.ts';
import {
  CIVIL_STATUS_INDEXES,
  CIVIL_STATUS_TABLE_ID,
  MARGINAL_NOTE_WORKFLOW_ID,
  MARGINAL_NOTES_DEAD_LETTERED,
  REGISTER_IMPORTS_BUCKET_ID,
  REGISTER_IMPORT_WORKFLOW_ID,
  REGISTER_PAGES_BUCKET_ID,
} from './adapters/civil-status-keys.ts';
import { IMPORT_LINES_PREFIX } from './application/register-import.use-cases.ts';
import { REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import {
  actAccessLogRoute,
  actHistoryRoute,
  applyNoteRoute,
  deadLettersRoute,
  officeInboxRoute,
  officeOutboxRoute,
  recordNoteRoute,
  redriveNoteRoute,
  completePageRoute,
  declarePageRoute,
  getActRoute,
  getImportRoute,
  startImportRoute,
  getPersonRoute,
  listOfficesRoute,
  registerActRoute,
  searchActsRoute,
  viewPageRoute,
} from './schemas/civil-status.schema.ts';

const handlers = 'functions/civil-status/handlers';
const reads = { [CIVIL_STATUS_TABLE_ID]: 'read' } as const;
// Every read of an act writes its access-log entry.
const readsAndLogs = { [CIVIL_STATUS_TABLE_ID]: 'write' } as const;

export const civilStatusService: ServiceDescription = {
  name: 'civil-status',
  alarms: [{ metricName: MARGINAL_NOTES_DEAD_LETTERED, description: 'A marginal note could not be delivered after its retries: redrive it' }],
  // The outbox: an act's registration is carried by the act item it writes (its first action, search entries and
  // link requests follow from it).
  tables: [{ id: CIVIL_STATUS_TABLE_ID, partitionKey: 'pk', sortKey: 'sk', globalIndexes: Object.values(CIVIL_STATUS_INDEXES), outbox: true, timeToLiveAttribute: 'expiresAt' }],
  // Register pages are legal evidence: kept unaltered for a century. Import folders are staging, not evidence.
  buckets: [{ id: REGISTER_PAGES_BUCKET_ID, writeOnceYears: 100, browserTransfers: true }, { id: REGISTER_IMPORTS_BUCKET_ID }],
  stateMachines: [
    {
      id: MARGINAL_NOTE_WORKFLOW_ID,
      definitionFile: 'statemachines/marginal-note-delivery.asl.json',
      substitutions: {
        DeliverMarginalNoteFunction: { functionId: 'DeliverMarginalNote' },
        DeadLetterMarginalNoteFunction: { functionId: 'DeadLetterMarginalNote' },
      },
    },
    {
      id: REGISTER_IMPORT_WORKFLOW_ID,
      definitionFile: 'statemachines/register-import.asl.json',
      substitutions: {
        PrepareRegisterImportFunction: { functionId: 'PrepareRegisterImport' },
        ImportRegisterBatchFunction: { functionId: 'ImportRegisterBatch' },
        FinishRegisterImportFunction: { functionId: 'FinishRegisterImport' },
        // The Distributed Map reads the numbered lines Prepare wrote, and nothing else of the bucket.
        RegisterImportsBucket: { bucketId: REGISTER_IMPORTS_BUCKET_ID, readsPrefix: IMPORT_LINES_PREFIX },
      },
    },
  ],
  functions: [
    { id: 'ListCivilStatusOffices', entry: `${handlers}/list-offices.handler.ts`, route: listOfficesRoute, tables: { [REFERENCE_TABLE_ID]: 'read' } },
    { id: 'RegisterCivilAct', entry: `${handlers}/register-act.handler.ts`, route: registerActRoute, tables: { [CIVIL_STATUS_TABLE_ID]: 'write' } },
    // What follows a registration, from its event: the act's first action, search entries and parent-link requests.
    {
      id: 'RecordCivilActRegistration',
      entry: `${handlers}/record-act-registration.handler.ts`,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      consumes: [{ tableId: CIVIL_STATUS_TABLE_ID, eventTypes: [ACT_REGISTERED] }],
    },
    { id: 'GetCivilAct', entry: `${handlers}/get-act.handler.ts`, route: getActRoute, tables: readsAndLogs },
    { id: 'CivilActHistory', entry: `${handlers}/act-history.handler.ts`, route: actHistoryRoute, tables: reads },
    { id: 'CivilActAccessLog', entry: `${handlers}/act-access-log.handler.ts`, route: actAccessLogRoute, tables: reads },
    { id: 'GetCivilPerson', entry: `${handlers}/get-person.handler.ts`, route: getPersonRoute, tables: readsAndLogs },
    { id: 'SearchCivilActs', entry: `${handlers}/search-acts.handler.ts`, route: searchActsRoute, tables: reads },
    {
      id: 'DeclareRegisterPage',
      entry: `${handlers}/declare-page.handler.ts`,
      route: declarePageRoute,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      buckets: { [REGISTER_PAGES_BUCKET_ID]: 'write' },
    },
    {
      id: 'CompleteRegisterPage',
      entry: `${handlers}/complete-page.handler.ts`,
      route: completePageRoute,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      // Reads the upload to check it, and deletes a refused one (Object Lock in AWS keeps stored pages regardless).
      buckets: { [REGISTER_PAGES_BUCKET_ID]: 'write' },
      memoryMb: 1024,
      timeoutSeconds: 60,
    },
    {
      id: 'RecordMarginalNote',
      entry: `${handlers}/record-note.handler.ts`,
      route: recordNoteRoute,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      startsStateMachines: [MARGINAL_NOTE_WORKFLOW_ID],
    },
    { id: 'OfficeInbox', entry: `${handlers}/office-inbox.handler.ts`, route: officeInboxRoute, tables: reads },
    { id: 'OfficeOutbox', entry: `${handlers}/office-outbox.handler.ts`, route: officeOutboxRoute, tables: reads },
    { id: 'ApplyMarginalNote', entry: `${handlers}/apply-note.handler.ts`, route: applyNoteRoute, tables: { [CIVIL_STATUS_TABLE_ID]: 'write' } },
    { id: 'NoteDeadLetters', entry: `${handlers}/dead-letters.handler.ts`, route: deadLettersRoute, tables: reads },
    {
      id: 'RedriveMarginalNote',
      entry: `${handlers}/redrive-note.handler.ts`,
      route: redriveNoteRoute,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      startsStateMachines: [MARGINAL_NOTE_WORKFLOW_ID],
    },
    { id: 'DeliverMarginalNote', entry: `${handlers}/deliver-note.handler.ts`, tables: { [CIVIL_STATUS_TABLE_ID]: 'write' } },
    { id: 'DeadLetterMarginalNote', entry: `${handlers}/dead-letter-note.handler.ts`, tables: { [CIVIL_STATUS_TABLE_ID]: 'write' } },
    {
      id: 'StartRegisterImport',
      entry: `${handlers}/start-import.handler.ts`,
      route: startImportRoute,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      startsStateMachines: [REGISTER_IMPORT_WORKFLOW_ID],
    },
    { id: 'GetRegisterImport', entry: `${handlers}/get-import.handler.ts`, route: getImportRoute, tables: reads },
    // Reads index.jsonl and writes the numbered lines beside it.
    { id: 'PrepareRegisterImport', entry: `${handlers}/prepare-import.handler.ts`, buckets: { [REGISTER_IMPORTS_BUCKET_ID]: 'write' }, memoryMb: 1024, timeoutSeconds: 300 },
    {
      id: 'ImportRegisterBatch',
      entry: `${handlers}/import-batch.handler.ts`,
      tables: { [CIVIL_STATUS_TABLE_ID]: 'write' },
      buckets: { [REGISTER_IMPORTS_BUCKET_ID]: 'read', [REGISTER_PAGES_BUCKET_ID]: 'write' },
      // 25 acts and their page images, copied one by one.
      memoryMb: 1024,
      timeoutSeconds: 240,
    },
    { id: 'FinishRegisterImport', entry: `${handlers}/finish-import.handler.ts`, tables: { [CIVIL_STATUS_TABLE_ID]: 'write' }, timeoutSeconds: 60 },
    { id: 'ViewRegisterPage', entry: `${handlers}/view-page.handler.ts`, route: viewPageRoute, tables: reads, buckets: { [REGISTER_PAGES_BUCKET_ID]: 'read' } },
  ],
};
