// Marginal notes: a marriage, divorce, death or rectification written in the margin of a birth act. Recorded
// in the office where the event happened; when the birth act is held elsewhere, the note travels to that
// office, waits in its inbox and is applied there exactly once, which acknowledges it to the sender.
import { ForbiddenError, InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { ActChange, CivilAct } from './civil-act.ts';

export type NoteKind = 'marriage' | 'divorce' | 'death' | 'rectification' | 'other';

export type NoteStatus = 'in-transit' | 'delivered' | 'applied' | 'dead-lettered';

export interface MarginalNote {
  readonly noteId: string;
  readonly birthActId: string;
  readonly kind: NoteKind;
  /** `YYYY-MM-DD` of the event. */
  readonly eventDate: string;
  readonly text: { readonly ar?: string; readonly fr?: string };
  /** Marriage and divorce: the other spouse's civil identifier, when they have one; it links the two acts into a family. */
  readonly spouseCivilId?: string;
  readonly sourceOffice: string;
  readonly targetOffice: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly status: NoteStatus;
  readonly deliveredAt?: string;
  readonly appliedAt?: string;
  readonly appliedBy?: string;
  readonly deadLetteredAt?: string;
  readonly deliveryAttempts?: number;
}

/** A note as it stands in the margin of the act. */
export interface AppliedNote {
  readonly noteId: string;
  readonly kind: NoteKind;
  readonly eventDate: string;
  readonly text: MarginalNote['text'];
  readonly spouseCivilId?: string;
  readonly sourceOffice: string;
  readonly appliedAt: string;
}

export interface RecordNoteCommand {
  readonly noteId: string;
  readonly kind: NoteKind;
  readonly eventDate: string;
  readonly text: MarginalNote['text'];
  readonly spouseCivilId?: string;
  readonly registrar: { readonly sub: string; readonly office: string };
}

export function recordNote(act: CivilAct, command: RecordNoteCommand, now: Date): MarginalNote {
  if (act.type !== 'birth') {
    throw new ValidationFailedError('Marginal notes are written on birth acts', {
      fieldIssues: [{ pointer: '/params/id', code: 'not_a_birth_act', detail: 'Give the id of the birth act of the person' }],
    });
  }
  if (act.status !== 'registered') throw new InvalidStateError(`Act ${act.id} is ${act.status}`);
  if (command.spouseCivilId !== undefined && command.kind !== 'marriage' && command.kind !== 'divorce') {
    throw new ValidationFailedError('Only a marriage or a divorce names a spouse', {
      fieldIssues: [{ pointer: '/body/spouseCivilId', code: 'not_allowed', detail: 'Give spouseCivilId on marriage and divorce notes only' }],
    });
  }
  if (command.spouseCivilId !== undefined && command.spouseCivilId === act.person.civilId) {
    throw new ValidationFailedError('A person is not their own spouse', {
      fieldIssues: [{ pointer: '/body/spouseCivilId', code: 'same_person', detail: "Give the other spouse's civil identifier" }],
    });
  }
  return {
    noteId: command.noteId,
    birthActId: act.id,
    kind: command.kind,
    eventDate: command.eventDate,
    text: command.text,
    ...(command.spouseCivilId && { spouseCivilId: command.spouseCivilId }),
    sourceOffice: command.registrar.office,
    targetOffice: act.office,
    recordedBy: command.registrar.sub,
    recordedAt: now.toISOString(),
    status: act.office === command.registrar.office ? 'delivered' : 'in-transit',
  };
}

/** Writes the note in the margin of its birth act: only in the act's office, only once. */
export function applyNote(act: CivilAct, note: MarginalNote, registrar: { readonly sub: string; readonly office: string }, now: Date): { change: ActChange; note: MarginalNote } {
  if (registrar.office !== note.targetOffice) throw new ForbiddenError(`Notes for office ${note.targetOffice} are applied by its registrars`);
  if (note.status !== 'delivered') throw new InvalidStateError(`Note ${note.noteId} is ${note.status}`);
  const appliedAt = now.toISOString();
  const applied: AppliedNote = {
    noteId: note.noteId,
    kind: note.kind,
    eventDate: note.eventDate,
    text: note.text,
    ...(note.spouseCivilId && { spouseCivilId: note.spouseCivilId }),
    sourceOffice: note.sourceOffice,
    appliedAt,
  };
  const updated: CivilAct = { ...act, version: act.version + 1, notes: [...(act.notes ?? []), applied] };
  return {
    change: { act: updated, action: { type: 'note-added', at: appliedAt, by: registrar.sub, version: updated.version, details: { noteId: note.noteId, kind: note.kind } } },
    note: { ...note, status: 'applied', appliedAt, appliedBy: registrar.sub },
  };
}
