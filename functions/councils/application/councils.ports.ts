// The ports the councils use cases need: storage and reference data in one repository, the signer of the
// convocations' evidence, and a timestamping authority.
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { CollectivityFacts, CollectivityType, CouncilBody } from '../domain/council-body.ts';
import type { CouncilSettings } from '../domain/council-settings.ts';
import type { ConvocationRecord, TimestampToken } from '../domain/convocation.ts';
import type { DeliberationChange, Deliberation } from '../domain/deliberation.ts';
import type { Actor, Session, SessionChange } from '../domain/session.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { OpenDeadlinesFrom } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import type { OpenDeadlineIndex } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { ControlCase } from '../domain/control-clocks.ts';

export interface BodyContextRequest {
  readonly sessionId?: string;
  readonly deliberationId?: string;
  readonly counterYear?: number;
  readonly holidayYears?: readonly number[];
  /** A member's convocation to one meeting of `sessionId`. */
  readonly convocation?: { readonly sessionId: string; readonly round: number; readonly member: string };
  /** The body's type: its collectivity is then read from reference data under the body's code (for its territory). */
  readonly collectivity?: CollectivityType;
}

/** What one BatchGetItem reads for a request on a body: the body, its settings, and what the request names. */
export interface BodyContext {
  readonly body?: CouncilBody;
  /** Stored settings; undefined while the defaults apply. */
  readonly settings?: CouncilSettings;
  readonly session?: Session;
  readonly deliberation?: Deliberation;
  /** The last number given this year. */
  readonly counter?: number;
  readonly convocation?: ConvocationRecord;
  readonly holidays: ReadonlySet<string>;
  /** What reference data holds under the body's code, when the request asked for its `collectivity`. */
  readonly collectivity?: CollectivityFacts;
}

export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly by: Actor;
}

export interface CouncilsRepository extends OpenDeadlineIndex, OpenDeadlinesFrom {
  bodyContext(body: string, request: BodyContextRequest): Promise<BodyContext>;
  saveBody(body: CouncilBody, event: HistoryEntry): Promise<void>;
  saveSettings(settings: CouncilSettings, event: HistoryEntry): Promise<void>;
  saveSession(change: SessionChange): Promise<'saved' | 'exists'>;
  /** The decision of an item: the session, the next number of the year, the deliberation and its event, at once. */
  saveDecision(session: SessionChange, deliberation: DeliberationChange, sequence: number): Promise<void>;
  saveDeliberation(change: DeliberationChange): Promise<void>;
  session(id: string): Promise<Session | undefined>;
  /** The members already convoked to meeting `round` of `sessionId` (their convocations written). */
  convokedMembers(sessionId: string, round: number): Promise<ReadonlySet<string>>;
  /** Writes the convocation with its notification, unless it was written already (a redelivery). */
  putConvocation(record: ConvocationRecord, notification: DomainEvent | undefined): Promise<'sent' | 'exists'>;
  /** Adds the first reading, unless one is recorded already; the stored record either way. */
  recordReading(record: ConvocationRecord): Promise<ConvocationRecord>;
  /** The session or deliberation a control deadline's subject names (`session-<id>`, `deliberation-<id>`). */
  controlCase(subject: string): Promise<ControlCase | undefined>;
  /** Deliberations by id, in one BatchGetItem (those not found are left out). */
  deliberationsByIds(ids: readonly string[]): Promise<Deliberation[]>;
  /** The public holidays of these years, as they now stand in reference data. */
  holidays(years: readonly number[]): Promise<ReadonlySet<string>>;
  bodies(page: PageRequest): Promise<Page<CouncilBody>>;
  sessions(body: string, page: PageRequest): Promise<Page<Session>>;
  deliberations(body: string, page: PageRequest): Promise<Page<Deliberation>>;
}

export interface EvidenceSigner {
  sign(statement: Record<string, unknown>): Promise<string>;
}

export interface TimestampAuthority {
  stamp(jws: string): Promise<TimestampToken>;
}

export interface CouncilsDependencies {
  readonly repository: CouncilsRepository;
}

/** Where rendered papers are kept. */
export interface PaperStore {
  exists(key: string): Promise<boolean>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
}
