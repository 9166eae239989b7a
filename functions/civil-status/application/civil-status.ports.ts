// The ports the civil-status use cases need: storage of acts, their actions, search entries and reads.
import type { Page } from '../../shared/http/pagination.ts';
import type { ActAction, ActChange, CivilAct } from '../domain/civil-act.ts';
import type { MarginalNote } from '../domain/marginal-note.ts';
import type { ActRegistered } from '../domain/act-events.ts';
import type { RegisterPage } from '../domain/register-page.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** One way to find an act by name: the family-name and given-name keys of one spelling family. */
export interface NameKey {
  readonly family: string;
  readonly given: string;
}

/** What a search returns about an act, enough to rank and show a candidate without reading the act. */
export interface ActSummary {
  readonly actId: string;
  readonly type: CivilAct['type'];
  readonly office: string;
  readonly legacy: CivilAct['legacy'];
  readonly person: Pick<CivilAct['person'], 'givenName' | 'familyName' | 'sex' | 'birthDate' | 'father' | 'mother' | 'civilId'>;
}

/** Who read which act, and why (Law 09-08). */
export interface ActRead {
  readonly actId: string;
  readonly by: string;
  readonly role: string;
  readonly reason: string;
  readonly at: string;
  readonly requestId: string;
}

export interface CivilStatusRepository {
  /**
   * Writes a new act, claiming its legacy reference and civil identifier first (ConflictError with `taken` when
   * one is taken, or the act id exists); the act carries its registration's event, from which its first action,
   * search entries and parent-link requests follow (`recordRegistration`).
   */
  create(change: ActChange, linkRequests: readonly MarginalNote[]): Promise<void>;
  /** What a registration's event writes beside the act, once however often it is delivered. */
  recordRegistration(act: CivilAct, action: ActAction & { readonly version: number }, nameKeys: readonly NameKey[], linkRequests: readonly MarginalNote[]): Promise<void>;
  /** The act and, until its next change, the event of its registration (whose action the history shows until stored). */
  getWithRegistration(id: string): Promise<{ act?: CivilAct; registration?: ActRegistered }>;
  get(id: string): Promise<CivilAct | undefined>;
  /** The act that holds a legacy reference, from its claim. */
  actIdOfLegacy(reference: CivilAct['legacy']): Promise<string | undefined>;
  /** The birth act that gave this civil identifier. */
  getByCivilId(civilId: string): Promise<CivilAct | undefined>;
  recordRead(read: ActRead): Promise<void>;
  /** The stored actions, oldest first; the last page ends with `latest` while it is not stored yet. */
  actions(id: string, page: PageRequest, latest?: ActAction & { version: number }): Promise<Page<ActAction & { version: number }>>;
  /** Candidates whose family key matches and whose given key starts with `givenPrefix`, optionally born in `birthYear`. */
  findByName(key: { family: string; given?: string; birthYear?: number }, limit: number): Promise<ActSummary[]>;
  accessLog(actId: string, page: PageRequest): Promise<Page<ActRead>>;
  getNote(noteId: string): Promise<MarginalNote | undefined>;
  /** Records notes at once, each in its sending office's outbox and, when delivered, its target's inbox (ConflictError if an id exists). */
  recordNotes(notes: readonly MarginalNote[]): Promise<void>;
  /** Puts an in-transit note in its target office's inbox; a note delivered before is left as it is. */
  deliverNote(noteId: string, at: string): Promise<void>;
  /** Gives up delivering: the note waits among the dead letters. */
  deadLetterNote(noteId: string, attempts: number, at: string): Promise<void>;
  /** Sends a dead-lettered note again and returns it in transit (NotFoundError if there is no such note, ConflictError unless it is dead-lettered). */
  redriveNote(noteId: string): Promise<MarginalNote>;
  /** Writes the note in the act's margin, marks it applied and takes it out of the inbox, all at once, once. */
  applyNote(change: ActChange, note: MarginalNote): Promise<void>;
  notesOf(list: 'inbox' | 'outbox' | 'dead-letters', office: string | undefined, page: PageRequest): Promise<Page<MarginalNote>>;
  getPage(registerId: string, page: number): Promise<RegisterPage | undefined>;
  /** Writes a declaration unless the page is already stored (InvalidStateError then). */
  declarePage(page: RegisterPage): Promise<void>;
  /** Marks the page stored, only if it still awaits this very upload. */
  storePage(page: RegisterPage): Promise<void>;
}

/** Where register page images are kept (write-once) and how they travel without passing through a function. */
export interface RegisterPagesStore {
  newObjectKey(registerId: string, page: number): string;
  /** The key of an imported page: named by its content, so an import run again writes the same key. */
  importedObjectKey(registerId: string, page: number, sha256Hex: string): string;
  /** Writes an image with its SHA-256 for storage to verify (S3 refuses a body that does not match). */
  putVerified(objectKey: string, body: Uint8Array, sha256Hex: string, contentType: string): Promise<void>;
  /** A presigned PUT whose signature covers the declared SHA-256 and content type, with the headers to send. */
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string> }>;
  /** SHA-256 (hex) and size of what was uploaded; undefined when nothing was. */
  digest(objectKey: string): Promise<{ sha256: string; sizeBytes: number } | undefined>;
  /** Removes a refused upload. */
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<string>;
}

/** Carries a note to the office that holds the birth act, with retries and a dead-letter end (a workflow in AWS). */
export interface NoteDelivery {
  /** Starts one delivery run; `run` names it so a retried start is recognised, not doubled. */
  send(noteId: string, run: string): Promise<void>;
}
