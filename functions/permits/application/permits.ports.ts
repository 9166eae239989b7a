// The ports the permits use cases need: storage, reference data, the deadline workflow, identifiers, and where
// applicants' documents are uploaded and staff read them.
import type { Page } from '../../shared/http/pagination.ts';
import type { ScanVerdict } from '../../shared/malware-scan.ts';
import type { CommuneTerritory, ReferenceRequest, ReferenceSnapshot } from '../../reference-data/public.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { PermitChanged } from '../domain/permit-events.ts';
import type { Permit, PermitChange, PermitEvent, PermitStatus } from '../domain/permit.ts';
import type { Counter, DayCounts, OverdueFile } from '../domain/permit-figures.ts';

/** What the figures are totalled from. */
export interface FigureItems {
  readonly days: readonly DayCounts[];
  readonly overdue: readonly OverdueFile[];
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface PermitsRepository {
  /** The permit (if any) and the reference data for it, in one round trip. */
  loadWithReference(id: string, reference: ReferenceRequest): Promise<{ permit?: Permit; reference: ReferenceSnapshot }>;
  loadReference(reference: ReferenceRequest): Promise<ReferenceSnapshot>;
  get(id: string): Promise<Permit | undefined>;
  /**
   * Writes a new permit with its domain events (which carry its first history entry and the counters it adds to the
   * figures), all or nothing; ConflictError when the id exists.
   */
  create(change: PermitChange, counters: readonly Counter[]): Promise<void>;
  /** Writes the change only if the stored permit is still at `change.permit.version - 1`; otherwise ConflictError. */
  save(change: PermitChange, counters: readonly Counter[]): Promise<void>;
  /**
   * Records what a change's event brings beside the permit: its history entry and the figures' overdue marker,
   * once per event however often it is delivered.
   */
  recordChange(event: DomainEvent<PermitChanged>): Promise<void>;
  /**
   * The permit and the history entry of its latest change as the permit carries it: the history's consumer writes
   * that entry a moment after the change (about a second), and a history read meanwhile shows it from here.
   */
  getWithLatestEntry(id: string): Promise<{ permit?: Permit; latestEntry?: PermitEvent }>;
  /** Adds an event's counters to its commune's daily figures, once per event however often it is delivered. */
  count(event: DomainEvent<PermitChanged>): Promise<void>;
  listByApplicant(applicant: string, page: PageRequest): Promise<Page<Permit>>;
  listByCommune(commune: string, status: PermitStatus | undefined, page: PageRequest): Promise<Page<Permit>>;
  /**
   * The stored history entries, oldest first; the last page ends with `latest` (the latest change's entry, see
   * `getWithLatestEntry`) when that entry is not stored yet.
   */
  history(id: string, page: PageRequest, latest?: PermitEvent): Promise<Page<PermitEvent>>;
  /** One page of the ids of one shard's permits whose clock runs and whose due instant is before `instant`, oldest due first. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>>;
  /** Ids of the permits of one shard whose clock runs and whose due instant is at or after `instant`, soonest first. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>>;
  /** One commune's daily counters between two dates (inclusive) and its files overdue now, in one read. */
  communeFigureItems(commune: string, fromDate: string, toDate: string): Promise<FigureItems>;
  /** Every commune's daily counters between two dates (inclusive) and the country's files overdue now, in one read. */
  everyCommuneFigureItems(fromDate: string, toDate: string): Promise<FigureItems>;
  /** Every commune with its province and region, from the reference data. */
  communeTerritories(): Promise<CommuneTerritory[]>;
  /** Records that someone was handed a link to read a document of the permit. */
  recordDocumentRead(read: DocumentRead): Promise<void>;
  /** Who was handed a link to which document of the permit, newest first. */
  documentReads(id: string, page: PageRequest): Promise<Page<DocumentRead>>;
}

/** One read of a permit's document: who was handed a link, to which file, when. */
export interface DocumentRead {
  readonly permitId: string;
  readonly documentId: string;
  readonly name: string;
  readonly by: { readonly sub: string; readonly role: string };
  readonly at: string;
  readonly linkExpiresAt: string;
}

/** Where applicants upload documents (checked against their declared SHA-256) and staff read them. */
export interface PermitDocumentsStore {
  objectKey(permitId: string, documentId: string): string;
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** SHA-256 (hex) and size of what was uploaded; undefined when nothing was. */
  digest(objectKey: string): Promise<{ sha256: string; sizeBytes: number } | undefined>;
  /** Removes a refused upload, so it never stands for the document. */
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<{ url: string; expiresAt: string }>;
  /** What the malware scanner's tag on the object says, in this deployment. */
  scanVerdict(objectKey: string): Promise<ScanVerdict>;
}

export type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';

export interface PermitIdentifiers {
  newPermitId(): string;
  /** The id of the permit a caller files with an Idempotency-Key: a retry names the same permit. */
  permitIdFor(applicant: string, idempotencyKey: string): string;
  newDocumentId(): string;
  receiptNumber(communeCode: string, filedAt: Date, permitId: string): string;
  certificateNumber(permit: Permit): string;
}
