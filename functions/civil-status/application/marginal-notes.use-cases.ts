// Marginal notes between offices: recorded where the event happened, delivered to the office holding the
// birth act (retried, or left among the dead letters for an administrator to redrive), applied there once.
// A marriage or divorce naming the spouse also goes to the office of the spouse's act, and a parent link a
// birth act claims to the office of the parent's act: applying them there is what confirms the family link.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { noSuchAct, registrarOf } from '../domain/act-access.ts';
import type { WrittenName } from '../domain/civil-act.ts';
import { confirmParentLink, requireSpouseMatches } from '../domain/family-links.ts';
import { applyNote, counterpartNote, recordNote, type MarginalNote, type NoteKind, type RecordNoteCommand } from '../domain/marginal-note.ts';
import type { CivilStatusRepository, NoteDelivery, PageRequest } from './civil-status.ports.ts';

export interface NotesDependencies {
  readonly repository: CivilStatusRepository;
  readonly delivery: NoteDelivery;
  readonly newNoteId: () => string;
}

export interface RecordNoteRequest extends Omit<RecordNoteCommand, 'noteId' | 'registrar'> {
  /** With `spouseCivilId`: the spouse's names, checked against the spouse's birth act. */
  readonly spouseName?: { readonly givenName: WrittenName; readonly familyName: WrittenName };
}

const noNote = (noteId: string): Localized => ({ ar: `لا توجد إشارة ${noteId}`, fr: `Aucune mention ${noteId}`, en: `No note ${noteId}` });

/**
 * Any registrar records an event on a person's birth act, found by the national search; the note goes to the
 * act's office. A marriage or divorce naming the spouse (whose act must bear the names given) has its counterpart
 * sent to the inbox of the office holding the spouse's act, in the same write.
 */
export async function recordMarginalNote(dependencies: NotesDependencies, birthActId: string, request: RecordNoteRequest, principal: Principal, now: Date): Promise<MarginalNote> {
  const registrar = registrarOf(principal);
  const { spouseName, ...command } = request;
  const act = await dependencies.repository.get(birthActId);
  if (!act) throw new NotFoundError(noSuchAct(birthActId));
  const note = recordNote(act, { ...command, noteId: dependencies.newNoteId(), registrar }, now);
  const counterparts =
    note.spouseCivilId === undefined
      ? []
      : [counterpartNote(note, act, requireSpouseMatches(spouseName, await dependencies.repository.getByCivilId(note.spouseCivilId)), dependencies.newNoteId(), now)];
  await dependencies.repository.recordNotes([note, ...counterparts]);
  if (note.status === 'in-transit') await dependencies.delivery.send(note.noteId, 'first');
  return note;
}

export function deliverMarginalNote(repository: CivilStatusRepository, noteId: string, now: Date): Promise<void> {
  return repository.deliverNote(noteId, now.toISOString());
}

export function deadLetterMarginalNote(repository: CivilStatusRepository, noteId: string, attempts: number, now: Date): Promise<void> {
  return repository.deadLetterNote(noteId, attempts, now.toISOString());
}

/** Applies a note of the office's inbox: in the margin of its act, or, for a parent link, as the confirmation of the child's act. */
export async function applyInboxNote(repository: CivilStatusRepository, office: string, noteId: string, principal: Principal, now: Date): Promise<MarginalNote> {
  const registrar = registrarOf(principal);
  if (registrar.office !== office) {
    throw new ForbiddenError({
      ar: `صندوق الوارد لمكتب ${office} يعالجه ضباط الحالة المدنية به`,
      fr: `La boîte de réception du bureau ${office} est traitée par ses officiers`,
      en: `The inbox of ${office} is handled by its registrars`,
    });
  }
  const note = await repository.getNote(noteId);
  if (!note || note.targetOffice !== office) throw new NotFoundError(noNote(noteId));
  // Applying twice (a retry) answers with the note as applied the first time.
  if (note.status === 'applied') return note;
  const actId = note.parentLink?.childActId ?? note.birthActId;
  const act = await repository.get(actId);
  if (!act) throw new NotFoundError(noSuchAct(actId));
  const applied = note.kind === 'parent-link' ? confirmParentLink(act, note, registrar, now) : applyNote(act, { ...note, kind: note.kind as NoteKind }, registrar, now);
  await repository.applyNote(applied.change, applied.note);
  return applied.note;
}

export function officeNotes(repository: CivilStatusRepository, list: 'inbox' | 'outbox', office: string, principal: Principal, page: PageRequest): Promise<Page<MarginalNote>> {
  if (principal.office !== office) {
    const box: Localized = list === 'inbox' ? { ar: 'صندوق الوارد', fr: 'La boîte de réception', en: 'The inbox' } : { ar: 'صندوق الصادر', fr: "La boîte d'envoi", en: 'The outbox' };
    throw new ForbiddenError({
      ar: `${box.ar} لمكتب ${office} مخصص لضباط الحالة المدنية به`,
      fr: `${box.fr} du bureau ${office} est réservée à ses officiers`,
      en: `${box.en} of ${office} is for its registrars`,
    });
  }
  return repository.notesOf(list, office, page);
}

export function deadLetters(repository: CivilStatusRepository, page: PageRequest): Promise<Page<MarginalNote>> {
  return repository.notesOf('dead-letters', undefined, page);
}

/** Sends a dead-lettered note again: 404 for a note that does not exist, 409 for one that is not among the dead letters. */
export async function redriveMarginalNote(dependencies: NotesDependencies, noteId: string, now: Date): Promise<MarginalNote> {
  const note = await dependencies.repository.redriveNote(noteId);
  await dependencies.delivery.send(noteId, `redrive-${now.getTime()}`);
  return note;
}
