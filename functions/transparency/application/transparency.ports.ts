// The ports of the transparency context: its requests, their history and the communes' settings in storage, and
// the ids it makes.
import type { OpenDeadlinesFrom } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import type { OpenDeadlineIndex } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { MonthFigures } from '../domain/fed-dataset.ts';
import type { RegisterEntry } from '../domain/publication-register.ts';
import type { ListedCatalogue } from '../domain/dcat-catalogue.ts';
import type { InformationRequest, RequestChange, RequestEvent } from '../domain/information-request.ts';
import type { DisclosureEntry } from '../domain/disclosure-log.ts';
import type { TransparencySettings } from '../domain/transparency-settings.ts';

/** What opening or extending a request needs, in one read: the commune, its settings and the holidays of `years`. */
export interface CommuneSnapshot {
  readonly communeExists: boolean;
  readonly settings: TransparencySettings;
  readonly holidays: ReadonlySet<string>;
}

/** A request as the lists show it: no identity, no text. */
export type RequestSummary = Pick<InformationRequest, 'id' | 'commune' | 'channel' | 'status' | 'receivedAt'> & {
  readonly urgent: boolean;
  readonly dueDate: string;
  readonly dueAt: string;
};

/** A complaint waiting for the president's answer, as their queue shows it. */
export interface ComplaintSummary {
  readonly id: string;
  readonly commune: string;
  readonly receivedAt: string;
  readonly filedAt: string;
  readonly answerDueDate: string;
  readonly answerDueAt: string;
}

export interface TransparencyRepository extends OpenDeadlineIndex, OpenDeadlinesFrom, DatasetRepository {
  communeSnapshot(commune: string, holidayYears: readonly number[]): Promise<CommuneSnapshot>;
  /** Writes a new request and its first event; `exists` if a request with its id is there already (a retry). */
  create(change: RequestChange): Promise<'created' | 'exists'>;
  /** Writes a change, if no one changed the request since the version it was read at (ConflictError otherwise). */
  save(change: RequestChange): Promise<void>;
  get(id: string): Promise<InformationRequest | undefined>;
  /** The request (read consistently) and the public holidays of `years`, in one read. */
  requestWithHolidays(id: string, years: readonly number[]): Promise<{ readonly request?: InformationRequest; readonly holidays: ReadonlySet<string> }>;
  history(id: string, page: PageRequest): Promise<Page<RequestEvent>>;
  /** A commune's open requests, soonest due first. */
  queue(commune: string, page: PageRequest): Promise<Page<RequestSummary>>;
  /** The complaints to a commune's president not answered yet, soonest due first. */
  complaints(commune: string, page: PageRequest): Promise<Page<ComplaintSummary>>;
  /** The requests a citizen filed online, newest first. */
  filedBy(sub: string, page: PageRequest): Promise<Page<RequestSummary>>;
  /** A commune's disclosure log, newest published first. */
  disclosureLog(commune: string, page: PageRequest): Promise<Page<DisclosureEntry>>;
  /** The public holidays of these years (movable ones estimated where no administrator confirmed them). */
  holidays(years: readonly number[]): Promise<ReadonlySet<string>>;
  /** Writes the settings over the version before theirs (ConflictError otherwise). */
  saveSettings(settings: TransparencySettings): Promise<void>;
}

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

export interface TransparencyIdentifiers {
  newRequestId(): string;
  /** The id of the request a caller's request with this Idempotency-Key opens: a retry names the same one. */
  requestIdFor(callerSub: string, idempotencyKey: string): string;
  /** The id of the dataset a caller's declaration with this Idempotency-Key makes, or a new one without a key. */
  datasetIdFor(callerSub: string, idempotencyKey: string | undefined): string;
  /** The id of the request opened from a registry office letter: the letter's hand-over delivered twice opens one. */
  requestIdOfLetter(letterId: string): string;
}

export interface TransparencyDependencies {
  readonly repository: TransparencyRepository;
  readonly identifiers: TransparencyIdentifiers;
}

/** The figures the fed datasets are made of, counted from other contexts' events. */
export interface FeedFigures {
  /** Adds an event's counters to its commune's month, once: `already-counted` for a redelivered event. */
  count(feed: string, eventId: string, commune: string, month: string, counters: readonly string[], occurredAt: string): Promise<'counted' | 'already-counted'>;
  /** Every month of a commune's feed (one Query, every page). */
  months(feed: string, commune: string): Promise<MonthFigures[]>;
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
