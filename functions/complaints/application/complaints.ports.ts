// The ports of the complaints context: its complaints, their history, the units' queues and the settings in
// storage, with what it reads of reference data (communes, holidays).
import type { OpenDeadlinesFrom } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import type { OpenDeadlineIndex } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { Complaint, ComplaintChange, ComplaintEvent, ComplaintStatus } from '../domain/complaint.ts';
import type { PublicComplaint } from '../domain/open311.ts';
import type { DuplicateCandidates, DuplicateOf } from '../domain/complaint-duplicates.ts';
import type { CategoryFigures, ComplaintCounted, FigureCounts } from '../domain/complaint-figures.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { ComplaintSettings } from '../domain/complaint-settings.ts';
import type { PhotoRead } from './complaint-photos.use-cases.ts';

export interface FilingSnapshot {
  readonly communeExists: boolean;
  readonly settings: ComplaintSettings;
  /** The public holidays of the receipt's year and the next: no deadline counted from it reaches further. */
  readonly holidays: ReadonlySet<string>;
}

/** A complaint as its unit's queue lists it: where it stands and how late, never who filed it nor what they wrote. */
export type QueueEntry = Pick<Complaint, 'id' | 'kind' | 'category' | 'status' | 'receivedAt' | 'lapses' | 'remindersSent' | 'holder' | 'suggestedDuplicates'> & {
  readonly service?: string;
  readonly acknowledgmentDueAt: string;
  readonly answerDueAt: string;
};

/** A complaint as its complainant's list shows it: where it stands and its deadlines. */
export type OwnComplaint = Pick<Complaint, 'id' | 'commune' | 'kind' | 'category' | 'status' | 'receivedAt' | 'updatedAt'> & {
  readonly acknowledgmentDueAt: string;
  readonly answerDueAt: string;
};

export interface ComplaintsRepository extends OpenDeadlineIndex, OpenDeadlinesFrom {
  /** The commune, its complaints settings and the holidays of `years`, in one read. */
  loadFiling(commune: string, years: readonly number[]): Promise<FilingSnapshot>;
  /**
   * Writes a new complaint and its first event, and where it was filed without signing in the pointer from its
   * follow-up token's digest; `exists` when a complaint with its id is there already.
   */
  create(change: ComplaintChange, followUpDigest?: string): Promise<'created' | 'exists'>;
  /** The complaint whose follow-up token has this digest. */
  followedUp(digest: string): Promise<Complaint | undefined>;
  /** Writes a change, if no one changed the complaint since the version it was made from (ConflictError otherwise). */
  save(change: ComplaintChange): Promise<void>;
  get(id: string): Promise<Complaint | undefined>;
  /** The complaint with the holidays of `years`, in one read. */
  getWithHolidays(id: string, years: readonly number[]): Promise<{ readonly complaint: Complaint; readonly holidays: ReadonlySet<string> } | undefined>;
  history(id: string, page: PageRequest): Promise<Page<ComplaintEvent>>;
  /** The complaints a signed-in citizen filed, newest received first. */
  mine(complainant: string, page: PageRequest): Promise<Page<OwnComplaint>>;
  /** A unit's open complaints, oldest received first. */
  queue(commune: string, page: PageRequest): Promise<Page<QueueEntry>>;
  communeExists(commune: string): Promise<boolean>;
  /** The complaints qualified as duplicates of `id`. */
  duplicatesOf(id: string): Promise<DuplicateOf[]>;
  /** Writes events in the outbox, each once (one written before is not written again). */
  emit(events: readonly DomainEvent[]): Promise<void>;
  /** Open complaints of a collectivity in the grid cells of a category, and those whose text has `textKey`. */
  duplicateCandidates(commune: string, near: { readonly category: string; readonly cells: readonly string[] }, textKey?: string): Promise<DuplicateCandidates>;
  /** A commune (whether it exists, its settings) and some of its complaints by id, in one read. */
  publicRead(commune: string, ids: readonly string[]): Promise<{ readonly communeExists: boolean; readonly settings: ComplaintSettings; readonly complaints: readonly Complaint[] }>;
  /**
   * A page of the complaints a collectivity holds, received from `received.from` to `received.to`, oldest first,
   * keeping those in `filters.statuses` and `filters.categories` when given.
   */
  jurisdictionRequests(
    commune: string,
    received: { readonly from: Date; readonly to: Date },
    filters: { readonly statuses?: readonly ComplaintStatus[]; readonly categories?: readonly string[] },
    page: PageRequest,
  ): Promise<Page<PublicComplaint>>;
  /** Adds a counted event to its collectivity's figures, once (a redelivery adds nothing). */
  count(event: DomainEvent<ComplaintCounted>): Promise<void>;
  /** A collectivity's figures of a year: the totals and those of each category; undefined before its first complaint. */
  figures(commune: string, year: number): Promise<{ readonly totals: FigureCounts; readonly byCategory: readonly CategoryFigures[] } | undefined>;
  /** Logs that someone was handed a link to a photo as it was taken (an item beside the complaint). */
  recordPhotoRead(read: PhotoRead): Promise<void>;
  /** The change that releases a photo and the read it allowed, together (ConflictError as `save`). */
  saveWithPhotoRead(change: ComplaintChange, read: PhotoRead): Promise<void>;
  loadSettings(commune: string): Promise<{ readonly communeExists: boolean; readonly settings: ComplaintSettings }>;
  saveSettings(settings: ComplaintSettings): Promise<void>;
}

export interface ComplaintIdentifiers {
  /** The id of the complaint a caller's request with this Idempotency-Key files: a retry names the same one. */
  complaintIdFor(callerSub: string, idempotencyKey: string): string;
  newComplaintId(): string;
  /** 32 random bytes in base64url: the token that follows a complaint filed without signing in. */
  newFollowUpToken(): string;
}

export interface ComplaintsDependencies {
  readonly repository: ComplaintsRepository;
  readonly identifiers: ComplaintIdentifiers;
}
