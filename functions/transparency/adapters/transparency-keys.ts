// Key builders of the transparency table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import type { TableDescription } from '../../shared/service-description.ts';
import type { Dataset } from '../domain/dataset.ts';
import { requestStanding, type InformationRequest } from '../domain/information-request.ts';

export const TRANSPARENCY_TABLE_ID = 'transparency';

/**
 * What the lists show of a request (a summary): the indexes copy these of each request, never its identity or any
 * text (an urgent request's justification stays on the request: the summary's `priority` says it is urgent).
 */
export const SUMMARY_ATTRIBUTES = ['commune', 'channel', 'status', 'receivedAt', 'priority', 'clock'] as const;

export const TRANSPARENCY_INDEXES = {
  /** Sparse: a commune's open requests, soonest due first, with their summary. */
  byCommuneQueue: { name: 'byCommuneQueue', partitionKey: 'queuePk', sortKey: 'queueSk', projection: { include: SUMMARY_ATTRIBUTES } },
  /** Sparse: the requests a citizen filed online, by receipt instant, with their summary. */
  byRequester: { name: 'byRequester', partitionKey: 'requesterPk', sortKey: 'requesterSk', projection: { include: SUMMARY_ATTRIBUTES } },
  /** Sparse: the complaints to a commune's president still waiting for an answer, soonest due first. */
  byComplaintQueue: { name: 'byComplaintQueue', partitionKey: 'complaintPk', sortKey: 'complaintSk', projection: { include: ['commune', 'receivedAt', 'internalComplaint'] } },
  /** Sparse: a commune's published datasets, the whole of each (the catalogue is written from them). */
  byCatalogue: { name: 'byCatalogue', partitionKey: 'cataloguePk', sortKey: 'catalogueSk', projection: 'all' },
  /** Sparse: a commune's disclosure log, newest published first, its entries alone (nothing of the requester). */
  byDisclosure: { name: 'byDisclosure', partitionKey: 'disclosurePk', sortKey: 'disclosureSk', projection: { include: ['disclosure'] } },
  /** Sparse: the kit's open-deadline index, requests whose deadline runs, in the shard of their id, by due instant. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
} as const;

export const transparencyKeys = {
  request: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' }),
  history: (id: string) => ({ pk: `REQUEST#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `REQUEST#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  settings: (commune: string) => ({ pk: `SETTINGS#${commune}`, sk: 'SETTINGS' }),
  dataset: (id: string) => ({ pk: `DATASET#${id}`, sk: 'DATASET' }),
  catalogue: (commune: string) => `CATALOGUE#${commune}`,
  queue: (commune: string) => `QUEUE#${commune}`,
  complaints: (commune: string) => `COMPLAINTS#${commune}`,
  requester: (sub: string) => `REQUESTER#${sub}`,
  disclosures: (commune: string) => `DISCLOSURE#${commune}`,
  open: (shard: number) => openDeadlinePartition(shard),
} as const;

/** `<instant in UTC>#<id>`: UTC instants sort as time does, offsets do not. */
const instantSortKey = (instant: string, id: string) => `${new Date(instant).toISOString()}#${id}`;

export function requestIdOfSortKey(sortKey: string): string {
  return sortKey.slice(sortKey.indexOf('#') + 1);
}

export function requestIndexAttributes(request: InformationRequest): Record<string, string> {
  const open = requestStanding(request) === 'open';
  const deadline = openDeadlineIndexValues(request.id, request.clock.dueAt);
  return {
    priority: request.urgency ? 'urgent' : 'normal',
    ...(open && { queuePk: transparencyKeys.queue(request.commune), queueSk: instantSortKey(request.clock.dueAt, request.id), openPk: deadline.partition, dueSk: deadline.sort }),
    ...(request.status === 'internal-complaint' &&
      !request.internalComplaint!.answer && {
        complaintPk: transparencyKeys.complaints(request.commune),
        complaintSk: instantSortKey(request.internalComplaint!.answerClock.dueAt, request.id),
      }),
    ...(request.filedBy && { requesterPk: transparencyKeys.requester(request.filedBy), requesterSk: instantSortKey(request.receivedAt, request.id) }),
    ...(request.disclosure && { disclosurePk: transparencyKeys.disclosures(request.commune), disclosureSk: instantSortKey(request.disclosure.publishedAt, request.id) }),
  };
}

/** What the indexes are given besides the request itself, taken off again when it is read. */
export const REQUEST_INDEX_ATTRIBUTES = ['priority', ...Object.values(TRANSPARENCY_INDEXES).flatMap((index) => [index.partitionKey, index.sortKey])];

export function datasetIndexAttributes(dataset: Dataset): Record<string, string> {
  return dataset.status === 'published' ? { cataloguePk: transparencyKeys.catalogue(dataset.commune), catalogueSk: instantSortKey(dataset.publishedAt!, dataset.id) } : {};
}

export const DATASET_INDEX_ATTRIBUTES = [TRANSPARENCY_INDEXES.byCatalogue.partitionKey, TRANSPARENCY_INDEXES.byCatalogue.sortKey];

/** Each commune's DCAT-AP catalogue, written whole at each publication and served as it is. */
export const CATALOGUES_BUCKET_ID = 'transparency-catalogues';

export const catalogueObjectKey = (commune: string) => `catalogues/${commune}.jsonld`;

/** Requests, their history events, the published datasets, the communes' settings and the outbox of their events. */
export const TRANSPARENCY_TABLE: TableDescription = {
  id: TRANSPARENCY_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(TRANSPARENCY_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

export const REQUEST_DEADLINE_WORKFLOW_ID = 'information-request-deadline';
export const REQUEST_SWEEP_WORKFLOW_ID = 'information-request-deadline-sweep';
/** Carries each approved dataset to its embargo's end, when it is published. */
export const DATASET_EMBARGO_WORKFLOW_ID = 'dataset-embargo';

/** The figures the fed datasets are made of, and the events already counted in them. */
export const feedKeys = {
  /** One item per commune and month of a feed; a Query of the partition reads all of them. */
  months: (feed: string, commune: string) => `FIGURES#${feed}#${commune}`,
  month: (feed: string, commune: string, month: string) => ({ pk: `FIGURES#${feed}#${commune}`, sk: `MONTH#${month}` }),
  /** Written with the count, in its transaction: a redelivered event finds it and counts nothing. */
  counted: (eventId: string) => ({ pk: `COUNTED#${eventId}`, sk: 'COUNTED' }),
} as const;

/** How long the marker of a counted event stays: far longer than a stream keeps a record (24 hours). */
export const COUNTED_MARKER_RETENTION_SECONDS = 7 * 24 * 3600;

/** The files the platform stores for the datasets (generated, or uploaded by the commune's agents). */
export const DATASET_FILES_BUCKET_ID = 'transparency-dataset-files';

/** Content-addressed: a file's key names its SHA-256, so a stored file never changes under its name. */
export const datasetFileObjectKey = (datasetId: string, fileName: string) => `datasets/${datasetId}/${fileName}`;

/** Where agents upload datasets' files (scanned for malware); checked, they are copied to the files bucket. */
export const DATASET_UPLOADS_BUCKET_ID = 'transparency-dataset-uploads';

/** The publication register: one item per commune and category, all of a commune in one partition. */
export const registerKeys = {
  commune: (commune: string) => `REGISTER#${commune}`,
  entry: (commune: string, category: string) => ({ pk: `REGISTER#${commune}`, sk: `CATEGORY#${category}` }),
} as const;

/** The communes' catalogues the national catalogue lists: one small item each, all in one partition. */
export const nationalCatalogueKeys = {
  partition: 'CATALOGUES',
  entry: (commune: string) => ({ pk: 'CATALOGUES', sk: `COMMUNE#${commune}` }),
} as const;

export const NATIONAL_CATALOGUE_OBJECT_KEY = 'national/catalogue.jsonld';
