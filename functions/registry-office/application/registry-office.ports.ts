// The ports of the registry office: its letters, registers and settings in storage, and the identifiers it makes.
import type { OpenDeadlinesFrom } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import type { OpenDeadlineIndex } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { Letter, LetterChange, LetterEvent } from '../domain/letter.ts';
import type { Register } from '../domain/letter-number.ts';
import type { RegistrySettings } from '../domain/registry-settings.ts';

export interface RegistrationSnapshot {
  readonly communeExists: boolean;
  readonly settings: RegistrySettings;
  /** The last sequence given in the register's year: 0 before its first letter. */
  readonly lastSequence: number;
  /** The public holidays of the register's year and the next: a deadline counted from the receipt reaches no further. */
  readonly holidays: ReadonlySet<string>;
}

/**
 * `created`: the letter and its number were written together. `sequence-taken`: another registration took the
 * next number first (nothing was written; read again and retry). `letter-exists`: a letter with this id is there,
 * written by an earlier attempt of the same request. `changed-meanwhile`: the letter changed alongside (the one an
 * outgoing letter answers) is no longer at the version read.
 */
export type CreateOutcome = 'created' | 'sequence-taken' | 'letter-exists' | 'changed-meanwhile';

/** What "where is my letter" tells the holder of its code. */
export type LetterStanding = Pick<Letter, 'number' | 'commune' | 'register' | 'receivedAt' | 'status' | 'lookupCodeDigest'> & {
  readonly cancellationReason?: string;
  /** The number of the outgoing letter that answered it. */
  readonly answerNumber?: string;
};

/** A letter's acknowledgment once issued: its number in the register of signed documents. */
export interface IssuedAcknowledgment {
  readonly number: string;
  readonly issuedAt: string;
}

/** A letter still open past its deadline, as the overdue list shows it. */
export interface OverdueLetter {
  readonly id: string;
  readonly number: string;
  readonly service: string;
  /** The due instant, in UTC. */
  readonly dueAt: string;
}

export interface RegistryOfficeRepository extends OpenDeadlineIndex, OpenDeadlinesFrom {
  /** What a registration needs, in one read: the commune, its settings and the register's last sequence. */
  loadRegistration(commune: string, register: Register, year: number): Promise<RegistrationSnapshot>;
  /**
   * Writes the new letter, its first event and the register's counter moved from `previousSequence` to its own;
   * with `alongside`, the change of another letter in the same transaction (conditional on its version).
   */
  create(change: LetterChange, previousSequence: number, alongside?: LetterChange): Promise<CreateOutcome>;
  /** Writes a change of a letter, if no one changed it since the version it was read at (ConflictError otherwise). */
  save(change: LetterChange): Promise<void>;
  get(id: string): Promise<Letter | undefined>;
  /** The letter and, once issued, its acknowledgment (one read). */
  getWithAcknowledgment(id: string): Promise<{ readonly letter: Letter; readonly acknowledgment?: IssuedAcknowledgment } | undefined>;
  /** Records beside the letter that its acknowledgment was issued (again: the same entry). */
  recordAcknowledgment(letterId: string, acknowledgment: IssuedAcknowledgment): Promise<void>;
  /** The letters of a commune awaiting this person's opinion, approval or signature, oldest asked first. */
  awaitingSteps(commune: string, sub: string, page: PageRequest): Promise<Page<Letter>>;
  /** What a deadline is counted again with: the commune's settings and the holidays of these years (one read). */
  deadlineBasis(commune: string, years: readonly number[]): Promise<{ readonly settings: RegistrySettings; readonly holidays: ReadonlySet<string> }>;
  /** The letter with its commune's names from reference data, which its acknowledgment prints. */
  letterWithCommune(id: string): Promise<{ readonly letter: Letter; readonly commune: { readonly code: string; readonly names: BilingualName } } | undefined>;
  history(id: string, page: PageRequest): Promise<Page<LetterEvent>>;
  /** A register's letters in number order, cancelled ones included. */
  register(commune: string, register: Register, year: number, page: PageRequest): Promise<Page<Letter>>;
  standingOf(commune: string, number: string): Promise<LetterStanding | undefined>;
  /** Lists a letter under its search tokens (again: the entries are the same). */
  putSearchEntries(letter: Letter, tokens: readonly string[]): Promise<void>;
  /**
   * A page of the letters listed under `tokens.read` in a commune's year, received between the instants given,
   * newest first, that are also listed under every one of `tokens.filters`.
   */
  search(
    place: { readonly commune: string; readonly year: number },
    tokens: { readonly read: string; readonly filters: readonly string[] },
    received: { readonly from?: Date; readonly to?: Date },
    page: PageRequest,
  ): Promise<Page<Letter>>;
  letterByNumber(commune: string, number: string): Promise<Letter | undefined>;
  /** The public holidays of these years (movable ones estimated where no administrator confirmed them). */
  holidays(years: readonly number[]): Promise<ReadonlySet<string>>;
  /** A commune's letters still open past their deadline, by service then due instant. */
  overdue(commune: string): Promise<OverdueLetter[]>;
  /** The letters a service of the commune has open (assigned or answered, not closed), oldest routed first. */
  queue(commune: string, service: string, page: PageRequest): Promise<Page<Letter>>;
  loadSettings(commune: string): Promise<{ readonly communeExists: boolean; readonly settings: RegistrySettings }>;
  /** Writes the settings on the version they were made from (ConflictError otherwise), keeping that version too. */
  saveSettings(settings: RegistrySettings): Promise<void>;
  /** Every version an administrator set, oldest first (version 0, the defaults, is not stored). */
  settingsHistory(commune: string, page: PageRequest): Promise<Page<RegistrySettings>>;
}

export interface RegistryIdentifiers {
  newLetterId(): string;
  /** The id of the letter a caller's request with this Idempotency-Key creates: a retry names the same letter. */
  letterIdFor(callerSub: string, idempotencyKey: string): string;
  newLookupCode(): string;
}

export interface RegistryOfficeDependencies {
  readonly repository: RegistryOfficeRepository;
  readonly identifiers: RegistryIdentifiers;
  /** Waits before the `attempt`-th try at a number another registration took first. */
  readonly pauseBeforeRetry: (attempt: number) => Promise<void>;
}
