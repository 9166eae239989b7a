// The ports of the transparency context: its requests, their history and the communes' settings in storage, and
// the ids it makes.
import type { OpenDeadlinesFrom } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import type { OpenDeadlineIndex } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
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

export interface TransparencyRepository extends OpenDeadlineIndex, OpenDeadlinesFrom {
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
  /** A commune's names from reference data, which the refusal letter shows. */
  communeNames(commune: string): Promise<BilingualName | undefined>;
  /** The public holidays of these years (movable ones estimated where no administrator confirmed them). */
  holidays(years: readonly number[]): Promise<ReadonlySet<string>>;
  /** Writes the settings over the version before theirs (ConflictError otherwise). */
  saveSettings(settings: TransparencySettings): Promise<void>;
}

export interface TransparencyIdentifiers {
  newRequestId(): string;
  /** The id of the request a caller's request with this Idempotency-Key opens: a retry names the same one. */
  requestIdFor(callerSub: string, idempotencyKey: string): string;
  /** The id of the request opened from a registry office letter: the letter's hand-over delivered twice opens one. */
  requestIdOfLetter(letterId: string): string;
}

export interface TransparencyDependencies {
  readonly repository: TransparencyRepository;
  readonly identifiers: TransparencyIdentifiers;
}
