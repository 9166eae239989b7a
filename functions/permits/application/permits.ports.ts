// The ports the permits use cases need: storage, reference data, the deadline workflow, identifiers.
import type { Page } from '../../shared/http/pagination.ts';
import type { CommuneTerritory, ReferenceRequest, ReferenceSnapshot } from '../../reference-data/public.ts';
import type { ApplicantNotification } from '../domain/applicant-notification.ts';
import type { Permit, PermitChange, PermitEvent, PermitStatus } from '../domain/permit.ts';
import type { Counter, DayCounts, OverdueFile } from '../domain/permit-figures.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** Counters of a day, by the Moroccan date of the event, counted for the commune and for the procedure. */
export interface StatsIncrement {
  readonly commune: string;
  readonly procedure: string;
  readonly date: string;
  readonly counter: Counter;
}

export interface PermitsRepository {
  /** The permit (if any) and the reference data for it, in one round trip. */
  loadWithReference(id: string, reference: ReferenceRequest): Promise<{ permit?: Permit; reference: ReferenceSnapshot }>;
  loadReference(reference: ReferenceRequest): Promise<ReferenceSnapshot>;
  get(id: string): Promise<Permit | undefined>;
  /** Writes a new permit with its first event and counters, all or nothing. */
  create(change: PermitChange, stats: readonly StatsIncrement[]): Promise<void>;
  /** Writes the change only if the stored permit is still at `change.permit.version - 1`; otherwise ConflictError. */
  save(change: PermitChange, stats: readonly StatsIncrement[]): Promise<void>;
  listByApplicant(applicant: string, page: PageRequest): Promise<Page<Permit>>;
  listByCommune(commune: string, status: PermitStatus | undefined, page: PageRequest): Promise<Page<Permit>>;
  history(id: string, page: PageRequest): Promise<Page<PermitEvent>>;
  /** Permits whose clock runs and whose due instant is before `instant`, oldest due first. */
  openDueBefore(instant: Date, limit: number): Promise<Permit[]>;
  /** One commune's daily counters between two dates (inclusive). */
  dailyStats(commune: string, fromDate: string, toDate: string): Promise<DayCounts[]>;
  /** Every commune's daily counters between two dates (inclusive), for figures above the commune. */
  dailyStatsOfEveryCommune(fromDate: string, toDate: string): Promise<DayCounts[]>;
  /** Files overdue now, of one commune or of the whole country. */
  overdueFiles(commune?: string): Promise<OverdueFile[]>;
  /** Every commune with its province and region, from the reference data. */
  communeTerritories(): Promise<CommuneTerritory[]>;
  /** The applicant's inbox, newest first; written with the change that caused each notification. */
  notifications(applicant: string, page: PageRequest): Promise<Page<ApplicantNotification>>;
}

export interface DeadlineWorkflow {
  /** Starts the workflow that carries the permit to its deadline; a start that already happened is not an error. */
  watch(permit: Permit): Promise<void>;
}

export interface PermitIdentifiers {
  newPermitId(): string;
  receiptNumber(communeCode: string, filedAt: Date, permitId: string): string;
  certificateNumber(permit: Permit): string;
}
