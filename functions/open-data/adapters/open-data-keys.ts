// Key builders of the open-data table (access patterns in ../README.md); no key is written by hand elsewhere.
import { instantSortKey } from '../../shared/aws/instant-sort-key.ts';
import type { TableDescription } from '../../shared/service-description.ts';
import type { Dataset } from '../domain/dataset.ts';

export const OPEN_DATA_TABLE_ID = 'open-data';

export const OPEN_DATA_INDEXES = {
  /** Sparse: a commune's published datasets, the whole of each (the catalogue is written from them). */
  byCatalogue: { name: 'byCatalogue', partitionKey: 'cataloguePk', sortKey: 'catalogueSk', projection: 'all' },
} as const;

export const datasetKeys = {
  dataset: (id: string) => ({ pk: `DATASET#${id}`, sk: 'DATASET' }),
  catalogue: (commune: string) => `CATALOGUE#${commune}`,
} as const;

export function datasetIndexAttributes(dataset: Dataset): Record<string, string> {
  return dataset.status === 'published' ? { cataloguePk: datasetKeys.catalogue(dataset.commune), catalogueSk: instantSortKey(dataset.publishedAt!, dataset.id) } : {};
}

/** What the index is given besides the dataset itself, taken off again when it is read. */
export const DATASET_INDEX_ATTRIBUTES = [OPEN_DATA_INDEXES.byCatalogue.partitionKey, OPEN_DATA_INDEXES.byCatalogue.sortKey];

/**
 * The datasets, the figures of the fed ones with the markers of the events counted in them, the publication
 * register, the national catalogue's list, and the outbox of the datasets' events.
 */
export const OPEN_DATA_TABLE: TableDescription = {
  id: OPEN_DATA_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(OPEN_DATA_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

/** Each commune's DCAT-AP catalogue, written whole at each publication and served as it is. */
export const CATALOGUES_BUCKET_ID = 'open-data-catalogues';

export const catalogueObjectKey = (commune: string) => `catalogues/${commune}.jsonld`;

/** Carries each approved dataset to its embargo's end, when it is published. */
export const DATASET_EMBARGO_WORKFLOW_ID = 'dataset-embargo';

/** The figures the fed datasets are made of, and the events already counted in them. */
export const feedKeys = {
  /** One item per commune and row of a feed (`ROW#2023-09`, `ROW#2026#roads`); a Query of the partition reads all of them. */
  rows: (feed: string, commune: string) => `FIGURES#${feed}#${commune}`,
  row: (feed: string, commune: string, key: string) => ({ pk: `FIGURES#${feed}#${commune}`, sk: `ROW#${key}` }),
  /** Written with the count, in its transaction: a redelivered event finds it and counts nothing. */
  counted: (eventId: string) => ({ pk: `COUNTED#${eventId}`, sk: 'COUNTED' }),
} as const;

/** How long the marker of a counted event stays: far longer than a stream keeps a record (24 hours). */
export const COUNTED_MARKER_RETENTION_SECONDS = 7 * 24 * 3600;

/** The files the platform stores for the datasets (generated, or uploaded by the commune's agents). */
export const DATASET_FILES_BUCKET_ID = 'open-data-dataset-files';

/** Content-addressed: a file's key names its SHA-256, so a stored file never changes under its name. */
export const datasetFileObjectKey = (datasetId: string, fileName: string) => `datasets/${datasetId}/${fileName}`;

/** Where agents upload datasets' files (scanned for malware); checked, they are copied to the files bucket. */
export const DATASET_UPLOADS_BUCKET_ID = 'open-data-dataset-uploads';

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
