// Open data (art. 10 of Law 31-13): what each commune publishes of its own accord, as datasets its agents declare
// and its president approves (under an embargo if need be), some fed by other contexts' events with no hand copying;
// each commune's DCAT-AP catalogue and the national one, written at each publication and served as stored; and the
// publication register with each category's due date.
import { COMPLAINT_COUNTED, COMPLAINTS_TABLE_ID } from '../complaints/public.ts';
import { COUNTED_EVENTS, PERMITS_TABLE_ID } from '../permits/public.ts';
import { REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { REQUEST_COUNTED, TRANSPARENCY_TABLE_ID } from '../transparency/public.ts';
import { CATALOGUES_BUCKET_ID, DATASET_EMBARGO_WORKFLOW_ID, DATASET_FILES_BUCKET_ID, DATASET_UPLOADS_BUCKET_ID, OPEN_DATA_TABLE, OPEN_DATA_TABLE_ID } from './adapters/open-data-keys.ts';
import { DATASET_EMBARGOED, DATASET_PUBLISHED } from './domain/dataset.ts';
import { OPEN_DATA_PROBLEMS } from './open-data.problems.ts';
import {
  completeDatasetFileRoute,
  datasetFileRoute,
  declareDatasetFileRoute,
  declareFedDatasetRoute,
  designateCategoryRoute,
  nationalCatalogueRoute,
  publicationRegisterRoute,
} from './schemas/catalogue.schema.ts';
import { approveDatasetRoute, catalogueRoute, declareDatasetRoute } from './schemas/datasets.schema.ts';

const handlers = 'functions/open-data/handlers';
const reads = { [OPEN_DATA_TABLE_ID]: 'read' } as const;
/** A dataset's change writes it and its events; nothing here deletes an item. */
const changes = { [OPEN_DATA_TABLE_ID]: 'append' } as const;
/** Writing a catalogue also reads the commune's names from reference data (its publisher). */
const writes = { [OPEN_DATA_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const openDataService: ServiceDescription = {
  name: 'open-data',
  problems: OPEN_DATA_PROBLEMS,
  tables: [OPEN_DATA_TABLE],
  buckets: [{ id: CATALOGUES_BUCKET_ID }, { id: DATASET_FILES_BUCKET_ID }, { id: DATASET_UPLOADS_BUCKET_ID, malwareScan: true, browserTransfers: true }],
  stateMachines: [
    // The generic deadline workflow carries an approved dataset to its embargo's end (its check publishes it then).
    { id: DATASET_EMBARGO_WORKFLOW_ID, definitionFile: 'statemachines/deadline-case.asl.json', substitutions: { CheckDeadlineFunction: { functionId: 'CheckDatasetEmbargo' } } },
  ],
  functions: [
    // The catalogue is written from the approval's event (below) and served as it is stored.
    fn('DeclareDataset', 'declare-dataset', { route: declareDatasetRoute, tables: changes }),
    fn('ApproveDataset', 'approve-dataset', { route: approveDatasetRoute, tables: changes }),
    fn('OpenDataCatalogue', 'catalogue', { route: catalogueRoute, buckets: { [CATALOGUES_BUCKET_ID]: 'read' } }),
    fn('CheckDatasetEmbargo', 'check-dataset-embargo', { tables: changes }),
    // What follows the context's own changes: a dataset approved under embargo gets its workflow, and each
    // publication writes its commune's catalogue (a fed dataset's files generated and stored first).
    fn('FollowOpenDataEvents', 'follow-open-data-events', {
      startsStateMachines: [DATASET_EMBARGO_WORKFLOW_ID],
      tables: writes,
      buckets: { [CATALOGUES_BUCKET_ID]: 'append', [DATASET_FILES_BUCKET_ID]: 'append' },
      consumes: [{ tableId: OPEN_DATA_TABLE_ID, eventTypes: [DATASET_PUBLISHED, DATASET_EMBARGOED] }],
    }),
    // Datasets fed by other contexts' events: the permits', complaints' and requests' counted changes add to each
    // commune's rows, and a published dataset of their feed has its files generated again; anyone downloads a
    // published dataset's files.
    fn('DeclareFedDataset', 'declare-fed-dataset', { route: declareFedDatasetRoute, tables: writes }),
    fn('FollowCountedFigures', 'follow-counted-figures', {
      tables: writes,
      buckets: { [CATALOGUES_BUCKET_ID]: 'append', [DATASET_FILES_BUCKET_ID]: 'append' },
      consumes: [
        { tableId: PERMITS_TABLE_ID, eventTypes: [...COUNTED_EVENTS] },
        { tableId: COMPLAINTS_TABLE_ID, eventTypes: [COMPLAINT_COUNTED] },
        { tableId: TRANSPARENCY_TABLE_ID, eventTypes: [REQUEST_COUNTED] },
      ],
    }),
    fn('DatasetFile', 'dataset-file', { route: datasetFileRoute, tables: reads, buckets: { [DATASET_FILES_BUCKET_ID]: 'read' } }),
    // Files agents upload for a draft: to the scanned uploads bucket, then, checked, copied where downloads read.
    fn('DeclareDatasetFile', 'declare-dataset-file', { route: declareDatasetFileRoute, tables: changes, buckets: { [DATASET_UPLOADS_BUCKET_ID]: 'append' } }),
    fn('CompleteDatasetFile', 'complete-dataset-file', {
      route: completeDatasetFileRoute,
      tables: changes,
      buckets: { [DATASET_UPLOADS_BUCKET_ID]: 'write', [DATASET_FILES_BUCKET_ID]: 'append' },
    }),
    // The publication register (art. 10): designated per category by the president, read by anyone with its due dates.
    fn('PublicationRegister', 'publication-register', { route: publicationRegisterRoute, tables: reads }),
    fn('DesignateRegisterCategory', 'designate-register-category', { route: designateCategoryRoute, tables: changes }),
    // The national catalogue, written after each commune's (by the two consumers above) and served as stored.
    fn('NationalOpenDataCatalogue', 'national-catalogue', { route: nationalCatalogueRoute, tables: reads, buckets: { [CATALOGUES_BUCKET_ID]: 'read' } }),
  ],
};
