// The ports of the open-data context: its datasets, the figures of the fed ones, the publication register and the
// national catalogue's list in storage; the catalogues' documents and the datasets' files in object storage.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { ListedCatalogue } from '../domain/dcat-catalogue.ts';
import type { Feed, FigureRow } from '../domain/fed-dataset.ts';
import type { RegisterEntry } from '../domain/publication-register.ts';

export interface DatasetRepository {
  /** Writes a new dataset; `exists` if one with its id is there already (a retry). */
  createDataset(dataset: Dataset): Promise<'created' | 'exists'>;
  getDataset(id: string): Promise<Dataset | undefined>;
  /** Writes a dataset's change over the version before it, with its events (ConflictError otherwise). */
  saveDataset(dataset: Dataset, outbox: readonly DomainEvent[]): Promise<void>;
  /** Every published dataset of a commune, oldest published first. */
  publishedDatasets(commune: string): Promise<Dataset[]>;
  /** A commune's names from reference data, which the catalogue's publisher shows. */
  communeNames(commune: string): Promise<BilingualName | undefined>;
}

/** Where each commune's catalogue document is kept whole, and served from. */
export interface CatalogueStore {
  put(commune: string, document: Readonly<Record<string, unknown>>): Promise<void>;
  get(commune: string): Promise<Record<string, unknown> | undefined>;
}

export interface OpenDataIdentifiers {
  /** The id of the dataset a caller's declaration with this Idempotency-Key makes, or a new one without a key. */
  datasetIdFor(callerSub: string, idempotencyKey: string | undefined): string;
}

export interface OpenDataDependencies {
  readonly repository: DatasetRepository;
  readonly identifiers: OpenDataIdentifiers;
}

/** The figures the fed datasets are made of, counted from other contexts' events. */
export interface FeedFigures {
  /** Adds an event's counts to its commune's row of the feed, once: `already-counted` for a redelivered event. */
  count(feed: Feed, eventId: string, commune: string, row: FigureRow, occurredAt: string): Promise<'counted' | 'already-counted'>;
  /** Every row of a commune's feed (one Query, every page). */
  rows(feed: Feed, commune: string): Promise<FigureRow[]>;
}

/** Where the platform keeps the datasets' files, each checked against its SHA-256 as it is stored. */
export interface DatasetFiles {
  put(datasetId: string, fileName: string, content: Uint8Array, sha256: string, mediaType: string): Promise<void>;
  get(datasetId: string, fileName: string): Promise<Uint8Array | undefined>;
}

/** Where agents upload a dataset's files, scanned for malware, before they are checked and stored for serving. */
export interface DatasetUploads {
  objectKey(datasetId: string, fileName: string): string;
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ readonly url: string; readonly headers: Record<string, string> }>;
  contents(objectKey: string, keepUpToBytes: number): Promise<{ sha256: string; sizeBytes: number; content?: Uint8Array } | undefined>;
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
}

/** The publication register's entries (art. 10), per commune and category. */
export interface PublicationRegister {
  /** Every entry of a commune (one Query). */
  entries(commune: string): Promise<RegisterEntry[]>;
  entry(commune: string, category: string): Promise<RegisterEntry | undefined>;
  /** Writes an entry over the version before it (ConflictError otherwise). */
  save(entry: RegisterEntry): Promise<void>;
  /** Records a publication of the category, if later than the one recorded (a new version of the entry). */
  recordPublication(commune: string, category: string, at: string, datasetId: string): Promise<void>;
}

/** The national catalogue: the communes' catalogues it lists, and its document, kept whole and served as stored. */
export interface NationalCatalogues {
  /** Lists a commune's catalogue as it now is (its names, modified instant, number of datasets). */
  record(catalogue: ListedCatalogue): Promise<void>;
  /** Every commune catalogue listed (one Query, read consistently). */
  listed(): Promise<ListedCatalogue[]>;
  put(document: Readonly<Record<string, unknown>>): Promise<void>;
  get(): Promise<Record<string, unknown> | undefined>;
}
