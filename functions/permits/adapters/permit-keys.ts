// Key builders of the permits table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import type { TableDescription } from '../../shared/service-description.ts';
import type { Permit, PermitStatus } from '../domain/permit.ts';

export const PERMITS_TABLE_ID = 'permits';

// The permit indexes project their keys only: their queries return permit keys (lists then read the permits,
// the sweep checks each one afresh, the figures count), so a change writes an index only when its keys move.
// The daily counters' index holds small counter items whose attributes are the figures: it projects them all.
export const PERMIT_INDEXES = {
  byApplicant: { name: 'byApplicant', partitionKey: 'applicantPk', sortKey: 'filedSk', projection: 'keys-only' },
  byCommune: { name: 'byCommune', partitionKey: 'communePk', sortKey: 'filedSk', projection: 'keys-only' },
  byCommuneStatus: { name: 'byCommuneStatus', partitionKey: 'communeStatusPk', sortKey: 'filedSk', projection: 'keys-only' },
  /** Sparse: only permits whose clock runs, in the shard of their id, ordered by due instant, for the overdue sweep. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
  /**
   * Sparse: only the figures' items (daily counters and overdue markers), every commune's in one partition (days by
   * date, then the markers), so that the figures above the commune are one Query.
   */
  statsByDay: { name: 'statsByDay', partitionKey: 'statsPk', sortKey: 'statsSk', projection: 'all' },
} as const;

export const permitKeys = {
  permit: (id: string) => ({ pk: `PERMIT#${id}`, sk: 'PERMIT' }),
  history: (id: string) => ({ pk: `PERMIT#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `PERMIT#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  documentRead: (id: string, at: string, documentId: string, reader: string) => ({ pk: `PERMIT#${id}`, sk: `READ#${at}#${documentId}#${reader}` }),
  documentReads: (id: string) => ({ pk: `PERMIT#${id}`, skPrefix: 'READ#' }),
  applicant: (sub: string) => `APPLICANT#${sub}`,
  commune: (code: string) => `COMMUNE#${code}`,
  communeStatus: (code: string, status: PermitStatus) => `COMMUNE#${code}#STATUS#${status}`,
  /** One shard of the open-deadline index (`OPEN#<shard>`). */
  open: (shard: number) => openDeadlinePartition(shard),
  statsDay: (commune: string, date: string) => ({ pk: `STATS#${commune}`, sk: `DAY#${date}` }),
  stats: (commune: string) => `STATS#${commune}`,
  /** Index keys of a daily counter item: `<date>#<commune>` sorts every commune's days by date. */
  statsOfEveryCommune: () => 'STATS',
  statsOfEveryCommuneDay: (date: string, commune: string) => `${date}#${commune}`,
  /**
   * A file overdue now, next to its commune's days: `OVERDUE#` sorts after every `DAY#<date>` in the commune's
   * partition, and after every `<date>#<commune>` in the index, so one Query from the earliest day reads both.
   */
  overdueFile: (commune: string, procedure: string, id: string) => ({ pk: `STATS#${commune}`, sk: `OVERDUE#${procedure}#${id}` }),
  overdueFileOfEveryCommune: (commune: string, procedure: string, id: string) => `OVERDUE#${commune}#${procedure}#${id}`,
  /** Per-procedure counters sit next to the commune's totals in the same daily item. */
  procedureCounter: (counter: string, procedure: string) => `${counter}@${procedure}`,
  /** Marks a domain event as counted in the figures, so a redelivered event is not counted twice. */
  countedEvent: (eventId: string) => ({ pk: `COUNTED#${eventId}`, sk: 'COUNTED' }),
} as const;

/** Markers of counted events outlive any redelivery (a stream keeps records 24 hours). */
export const COUNTED_MARKER_RETENTION_SECONDS = 7 * 24 * 3600;

/** The index attributes a permit item carries; the open-clock index only while its clock runs. */
export function permitIndexAttributes(permit: Permit): Record<string, string> {
  const filedSk = `${permit.filedAt}#${permit.id}`;
  const open = openDeadlineIndexValues(permit.id, permit.clock.dueAt);
  return {
    applicantPk: permitKeys.applicant(permit.applicant),
    communePk: permitKeys.commune(permit.commune.code),
    communeStatusPk: permitKeys.communeStatus(permit.commune.code, permit.status),
    filedSk,
    ...(permit.status === 'filed' && { openPk: open.partition, dueSk: open.sort }),
  };
}

/** The figures' marker of a file overdue now (deemed approval available, not invoked): small, so its index copy is. */
export function overdueMarker(commune: string, procedure: string, permitId: string): Record<string, string> {
  return {
    ...permitKeys.overdueFile(commune, procedure, permitId),
    statsPk: permitKeys.statsOfEveryCommune(),
    statsSk: permitKeys.overdueFileOfEveryCommune(commune, procedure, permitId),
    commune,
    procedure,
    permitId,
  };
}

/** Permits, their events, document reads, daily counters and the outbox of their domain events. */
export const PERMITS_TABLE: TableDescription = {
  id: PERMITS_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(PERMIT_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

export const PERMIT_DEADLINE_WORKFLOW_ID = 'permit-deadline';
export const PERMIT_SWEEP_WORKFLOW_ID = 'permit-deadline-sweep';
export const PERMIT_DOCUMENTS_BUCKET_ID = 'permit-documents';
