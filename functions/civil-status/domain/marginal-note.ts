// Marginal notes: a marriage, divorce, death or rectification written in the margin of a birth act. Recorded
// in the office where the event happened; when the birth act is held elsewhere, the note travels to that
// office, waits in its inbox and is applied there exactly once, which acknowledges it to the sender.
import { ForbiddenError, InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { requirePlausibleEventDate } from './act-dates.ts';
import type { ActChange, CivilAct } from './civil-act.ts';
import type { ParentRole } from './family-links.ts';

export type NoteKind = 'marriage' | 'divorce' | 'death' | 'rectification' | 'other';

/** A request to the office holding a parent's birth act to confirm the link a child's act claims; never written in a margin. */
export type LinkRequestKind = 'parent-link';

export type NoteStatus = 'in-transit' | 'delivered' | 'applied' | 'dead-lettered';

export interface MarginalNote {
  readonly noteId: string;
  /** The act the note is about: the birth act whose margin it is written in, or, for a parent link, the parent's. */
  readonly birthActId: string;
  readonly kind: NoteKind | LinkRequestKind;
  /** `YYYY-MM-DD` of the event. */
  readonly eventDate: string;
  readonly text: { readonly ar?: string; readonly fr?: string };
  /** Marriage and divorce: the other spouse's civil identifier, when they have one; it links the two acts into a family. */
  readonly spouseCivilId?: string;
  /** A marriage or divorce sent to the other spouse's office: the note recorded on the first spouse's act. */
  readonly counterpartOf?: string;
  /** A parent link to confirm: the child's act and the parent it names. */
  readonly parentLink?: { readonly childActId: string; readonly role: ParentRole; readonly parentCivilId: string };
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

export function noteStatusDetail(note: MarginalNote): Localized {
  const status: Localized = {
    'in-transit': { ar: 'في الطريق إلى مكتبها', fr: 'en route vers son bureau', en: 'in transit' },
    delivered: { ar: 'في انتظار التقييد', fr: "en attente d'inscription", en: 'delivered, not yet applied' },
    applied: { ar: 'مقيدة من قبل', fr: 'déjà inscrite', en: 'already applied' },
    'dead-lettered': { ar: 'متوقفة بعد فشل التسليم', fr: 'abandonnée après échec de la remise', en: 'dead-lettered' },
  }[note.status];
  return { ar: `الإشارة ${note.noteId} ${status.ar}`, fr: `La mention ${note.noteId} est ${status.fr}`, en: `Note ${note.noteId} is ${status.en}` };
}

export function recordNote(act: CivilAct, command: RecordNoteCommand, now: Date): MarginalNote {
  if (act.type !== 'birth') {
    throw new ValidationFailedError(
      { ar: 'تقيد الإشارات الهامشية على عقود الولادة', fr: 'Les mentions marginales s’inscrivent sur les actes de naissance', en: 'Marginal notes are written on birth acts' },
      {
        fieldIssues: [
          {
            pointer: '/params/id',
            code: 'not_a_birth_act',
            detail: { ar: 'أدخل معرف عقد ولادة الشخص', fr: "Indiquez l'identifiant de l'acte de naissance de la personne", en: 'Give the id of the birth act of the person' },
          },
        ],
      },
    );
  }
  if (act.status !== 'registered') {
    throw new InvalidStateError({ ar: `العقد ${act.id} ملغى`, fr: `L'acte ${act.id} est annulé`, en: `Act ${act.id} is ${act.status}` });
  }
  if (command.spouseCivilId !== undefined && command.kind !== 'marriage' && command.kind !== 'divorce') {
    throw new ValidationFailedError(
      { ar: 'لا يذكر الزوج(ة) إلا في إشارة زواج أو طلاق', fr: 'Seuls un mariage ou un divorce nomment un conjoint', en: 'Only a marriage or a divorce names a spouse' },
      {
        fieldIssues: [
          {
            pointer: '/body/spouseCivilId',
            code: 'not_allowed',
            detail: {
              ar: 'لا يذكر spouseCivilId إلا في إشارات الزواج والطلاق',
              fr: 'Indiquez spouseCivilId dans les seules mentions de mariage et de divorce',
              en: 'Give spouseCivilId on marriage and divorce notes only',
            },
          },
        ],
      },
    );
  }
  if (command.spouseCivilId !== undefined && command.spouseCivilId === act.person.civilId) {
    throw new ValidationFailedError(
      { ar: 'لا يكون الشخص زوجا لنفسه', fr: "Une personne n'est pas son propre conjoint", en: 'A person is not their own spouse' },
      {
        fieldIssues: [
          {
            pointer: '/body/spouseCivilId',
            code: 'same_person',
            detail: { ar: 'أدخل المعرف المدني للزوج الآخر', fr: "Indiquez l'identifiant civil de l'autre conjoint", en: "Give the other spouse's civil identifier" },
          },
        ],
      },
    );
  }
  if (command.spouseCivilId !== undefined && act.person.civilId === undefined) {
    throw new ValidationFailedError(
      {
        ar: 'ليس لصاحب هذا العقد معرف مدني: لا يمكن ربطه بزوج(ة)',
        fr: "La personne de cet acte n'a pas d'identifiant civil : elle ne peut être liée à un conjoint",
        en: 'The person of this act has no civil identifier: no spouse can be linked to them',
      },
      {
        fieldIssues: [
          {
            pointer: '/body/spouseCivilId',
            code: 'no_civil_id',
            detail: {
              ar: 'يتطلب الربط بين الزوجين المعرف المدني لكل منهما',
              fr: "Le lien entre conjoints exige l'identifiant civil de chacun d'eux",
              en: 'A spouse link needs both civil identifiers',
            },
          },
        ],
      },
    );
  }
  requirePlausibleEventDate(command.eventDate, act.person.birthDate, now);
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

/**
 * A marriage or divorce is written in both spouses' margins: the note recorded on one act has its counterpart
 * on the other's, sent straight to the inbox of the office holding it, which confirms the link by applying it.
 */
export function counterpartNote(note: MarginalNote, act: CivilAct, spouseAct: CivilAct, noteId: string, now: Date): MarginalNote {
  return {
    ...note,
    noteId,
    birthActId: spouseAct.id,
    ...(act.person.civilId !== undefined && { spouseCivilId: act.person.civilId }),
    counterpartOf: note.noteId,
    targetOffice: spouseAct.office,
    status: 'delivered',
    deliveredAt: now.toISOString(),
  };
}

export function requireTargetOffice(note: MarginalNote, registrar: { readonly office: string }): void {
  if (registrar.office !== note.targetOffice) {
    throw new ForbiddenError({
      ar: `تقيد الإشارات الموجهة إلى مكتب ${note.targetOffice} من قبل ضباط الحالة المدنية به`,
      fr: `Les mentions adressées au bureau ${note.targetOffice} sont inscrites par ses officiers`,
      en: `Notes for office ${note.targetOffice} are applied by its registrars`,
    });
  }
}

/** Writes the note in the margin of its birth act: only in the act's office, only once. */
export function applyNote(act: CivilAct, note: MarginalNote & { readonly kind: NoteKind }, registrar: { readonly sub: string; readonly office: string }, now: Date): { change: ActChange; note: MarginalNote } {
  requireTargetOffice(note, registrar);
  if (note.status !== 'delivered') throw new InvalidStateError(noteStatusDetail(note));
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
