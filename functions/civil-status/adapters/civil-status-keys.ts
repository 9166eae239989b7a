// Key builders of the civil-status table (access patterns in ../README.md); no key is written by hand elsewhere.
import type { LegacyReference } from '../domain/civil-act.ts';

export const CIVIL_STATUS_TABLE_ID = 'civil-status';
export const REGISTER_PAGES_BUCKET_ID = 'register-pages';
/** Where administrators upload register folders to import (index.jsonl and page images). */
export const REGISTER_IMPORTS_BUCKET_ID = 'register-imports';
export const REGISTER_IMPORT_WORKFLOW_ID = 'register-import';

export const CIVIL_STATUS_INDEXES = {
  /** Birth acts by the identifier they gave. */
  byCivilId: { name: 'byCivilId', partitionKey: 'civilIdPk' },
  /** Search entries: family-name key, then given-name key, birth year and act id. */
  byName: { name: 'byName', partitionKey: 'namePk', sortKey: 'nameSk' },
  /** Notes waiting in an office's inbox (sparse: only until applied). */
  byInbox: { name: 'byInbox', partitionKey: 'inboxPk', sortKey: 'recordedAt' },
  /** Notes an office sent, with their delivery status. */
  byOutbox: { name: 'byOutbox', partitionKey: 'outboxPk', sortKey: 'recordedAt' },
  /** Notes whose delivery gave up, for administrators to redrive (sparse). */
  byDeadLetter: { name: 'byDeadLetter', partitionKey: 'deadLetterPk', sortKey: 'recordedAt' },
} as const;

export const MARGINAL_NOTE_WORKFLOW_ID = 'marginal-note-delivery';
/** Emitted for each note put among the dead letters; the stack alarms when it is above 0. */
export const MARGINAL_NOTES_DEAD_LETTERED = 'MarginalNotesDeadLettered';

export const civilStatusKeys = {
  act: (id: string) => ({ pk: `ACT#${id}`, sk: 'ACT' }),
  actions: (id: string) => ({ pk: `ACT#${id}`, skPrefix: 'ACTION#' }),
  action: (id: string, version: number) => ({ pk: `ACT#${id}`, sk: `ACTION#${String(version).padStart(6, '0')}` }),
  searchEntry: (id: string, family: string, given: string) => ({ pk: `ACT#${id}`, sk: `SEARCH#${family}#${given}` }),
  legacy: (reference: LegacyReference) => ({ pk: `LEGACY#${reference.office}#${reference.year}#${reference.register}#${reference.number}`, sk: 'LEGACY' }),
  civilId: (civilId: string) => ({ pk: `CIVILID#${civilId}`, sk: 'CIVILID' }),
  civilIdIndex: (civilId: string) => `CIVILID#${civilId}`,
  name: (family: string) => `NAME#${family}`,
  nameSort: (given: string, birthYear: number | undefined, actId?: string) =>
    [given, ...(birthYear === undefined ? [] : [String(birthYear)]), ...(actId === undefined ? [] : [actId])].join('#'),
  accessLog: (actId: string) => `ACCESS#${actId}`,
  note: (noteId: string) => ({ pk: `NOTE#${noteId}`, sk: 'NOTE' }),
  inbox: (office: string) => `INBOX#${office}`,
  outbox: (office: string) => `OUTBOX#${office}`,
  deadLetters: () => 'DEAD-LETTER',
  page: (registerId: string, page: number) => ({ pk: `REGISTER#${registerId}`, sk: `PAGE#${String(page).padStart(5, '0')}` }),
  registerImport: (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  importBatches: (importId: string) => ({ pk: `IMPORT#${importId}`, skPrefix: 'BATCH#' }),
  importBatch: (importId: string, firstLine: number) => ({ pk: `IMPORT#${importId}`, sk: `BATCH#${String(firstLine).padStart(9, '0')}` }),
  accessEntry: (actId: string, at: string, requestId: string) => ({ pk: `ACCESS#${actId}`, sk: `${at}#${requestId}` }),
} as const;
