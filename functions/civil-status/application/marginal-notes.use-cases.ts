// Marginal notes between offices: recorded where the event happened, delivered to the office holding the
// birth act (retried, or left among the dead letters for an administrator to redrive), applied there once.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { applyNote, recordNote, type MarginalNote, type RecordNoteCommand } from '../domain/marginal-note.ts';
import type { CivilStatusRepository, NoteDelivery, PageRequest } from './civil-status.ports.ts';

export interface NotesDependencies {
  readonly repository: CivilStatusRepository;
  readonly delivery: NoteDelivery;
  readonly newNoteId: () => string;
}

function registrarOf(principal: Principal): { sub: string; office: string } {
  if (!principal.office) throw new ForbiddenError('Your account is not attached to a civil-status office');
  return { sub: principal.sub, office: principal.office };
}

/** Any registrar records an event on a person's birth act, found by the national search; the note goes to the act's office. */
export async function recordMarginalNote(
  dependencies: NotesDependencies,
  birthActId: string,
  request: Omit<RecordNoteCommand, 'noteId' | 'registrar'>,
  principal: Principal,
  now: Date,
): Promise<MarginalNote> {
  const registrar = registrarOf(principal);
  const act = await dependencies.repository.get(birthActId);
  if (!act) throw new NotFoundError(`No act ${birthActId}`);
  const note = recordNote(act, { ...request, noteId: dependencies.newNoteId(), registrar }, now);
  await dependencies.repository.recordNote(note);
  if (note.status === 'in-transit') await dependencies.delivery.send(note.noteId, 'first');
  return note;
}

export function deliverMarginalNote(repository: CivilStatusRepository, noteId: string, now: Date): Promise<void> {
  return repository.deliverNote(noteId, now.toISOString());
}

export function deadLetterMarginalNote(repository: CivilStatusRepository, noteId: string, attempts: number, now: Date): Promise<void> {
  return repository.deadLetterNote(noteId, attempts, now.toISOString());
}

export async function applyInboxNote(repository: CivilStatusRepository, office: string, noteId: string, principal: Principal, now: Date): Promise<MarginalNote> {
  const registrar = registrarOf(principal);
  if (registrar.office !== office) throw new ForbiddenError(`The inbox of ${office} is handled by its registrars`);
  const note = await repository.getNote(noteId);
  if (!note || note.targetOffice !== office) throw new NotFoundError(`No note ${noteId} for ${office}`);
  // Applying twice (a retry) answers with the note as applied the first time.
  if (note.status === 'applied') return note;
  const act = await repository.get(note.birthActId);
  if (!act) throw new NotFoundError(`No act ${note.birthActId}`);
  const applied = applyNote(act, note, registrar, now);
  await repository.applyNote(applied.change, applied.note);
  return applied.note;
}

export function officeNotes(repository: CivilStatusRepository, list: 'inbox' | 'outbox', office: string, principal: Principal, page: PageRequest): Promise<Page<MarginalNote>> {
  if (principal.office !== office) throw new ForbiddenError(`The ${list} of ${office} is for its registrars`);
  return repository.notesOf(list, office, page);
}

export function deadLetters(repository: CivilStatusRepository, page: PageRequest): Promise<Page<MarginalNote>> {
  return repository.notesOf('dead-letters', undefined, page);
}

export async function redriveMarginalNote(dependencies: NotesDependencies, noteId: string, now: Date): Promise<MarginalNote> {
  await dependencies.repository.redriveNote(noteId);
  await dependencies.delivery.send(noteId, `redrive-${now.getTime()}`);
  const note = await dependencies.repository.getNote(noteId);
  if (!note) throw new NotFoundError(`No note ${noteId}`);
  return note;
}
