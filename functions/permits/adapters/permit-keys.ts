// Key builders of the permits table (access patterns in ../README.md); no key is written by hand elsewhere.
import type { Permit, PermitStatus } from '../domain/permit.ts';

export const PERMITS_TABLE_ID = 'permits';

// Every index projects its keys only: its queries return permit keys (lists then read the permits, the sweep
// checks each one afresh, the figures count), so a change writes an index only when its keys move.
export const PERMIT_INDEXES = {
  byApplicant: { name: 'byApplicant', partitionKey: 'applicantPk', sortKey: 'filedSk', projection: 'keys-only' },
  byCommune: { name: 'byCommune', partitionKey: 'communePk', sortKey: 'filedSk', projection: 'keys-only' },
  byCommuneStatus: { name: 'byCommuneStatus', partitionKey: 'communeStatusPk', sortKey: 'filedSk', projection: 'keys-only' },
  /** Sparse: only permits whose clock runs, ordered by due instant, for the overdue sweep. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
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
  open: () => 'OPEN',
  statsDay: (commune: string, date: string) => ({ pk: `STATS#${commune}`, sk: `DAY#${date}` }),
  stats: (commune: string) => `STATS#${commune}`,
  inbox: (applicant: string) => `INBOX#${applicant}`,
  notification: (applicant: string, at: string, permitId: string, version: number) => ({
    pk: `INBOX#${applicant}`,
    sk: `${at}#${permitId}#${String(version).padStart(6, '0')}`,
  }),
} as const;

/** The index attributes a permit item carries; the open-clock index only while its clock runs. */
export function permitIndexAttributes(permit: Permit): Record<string, string> {
  const filedSk = `${permit.filedAt}#${permit.id}`;
  return {
    applicantPk: permitKeys.applicant(permit.applicant),
    communePk: permitKeys.commune(permit.commune.code),
    communeStatusPk: permitKeys.communeStatus(permit.commune.code, permit.status),
    filedSk,
    ...(permit.status === 'filed' && { openPk: permitKeys.open(), dueSk: `${new Date(permit.clock.dueAt).toISOString()}#${permit.id}` }),
  };
}

export const PERMIT_DEADLINE_WORKFLOW_ID = 'permit-deadline';
export const PERMIT_SWEEP_WORKFLOW_ID = 'permit-deadline-sweep';
export const PERMIT_DOCUMENTS_BUCKET_ID = 'permit-documents';
