// A civil-status act (birth or death): who it is about, where it is registered (office, year, register,
// number: the legacy reference, unique within its office) and the append-only list of what was done to it.
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import { requirePlausibleActDates } from './act-dates.ts';
import type { LinkStatus } from './family-links.ts';
import type { AppliedNote } from './marginal-note.ts';

export type ActType = 'birth' | 'death';

/** A name as written in each script; historical acts may have only one of them. */
export interface WrittenName {
  readonly ar?: string;
  readonly latin?: string;
}

export interface Parent {
  readonly givenName: WrittenName;
  readonly familyName?: WrittenName;
  readonly civilId?: string;
  /** Whether the office holding the parent's own birth act has confirmed the identifier; only a confirmed link grants rights. */
  readonly linkStatus?: LinkStatus;
}

export interface ActPerson {
  readonly givenName: WrittenName;
  readonly familyName: WrittenName;
  readonly sex: 'F' | 'M';
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  readonly birthPlace: WrittenName;
  readonly father?: Parent;
  readonly mother?: Parent;
  /** The person's identifier; a birth act gives it, a death act names the deceased's when known. */
  readonly civilId?: string;
}

export interface LegacyReference {
  readonly office: string;
  readonly year: number;
  readonly register: string;
  readonly number: number;
}

export type ActActionType = 'registered' | 'corrected' | 'note-added' | 'link-confirmed' | 'annulled';

export interface ActAction {
  readonly type: ActActionType;
  readonly at: string;
  readonly by: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface CivilAct {
  readonly id: string;
  readonly type: ActType;
  readonly office: string;
  readonly legacy: LegacyReference;
  readonly person: ActPerson;
  /** Death acts: the date of death. */
  readonly deathDate?: string;
  readonly registeredAt: string;
  /** Grows with every action; the action carries the version it produced. */
  readonly version: number;
  readonly status: 'registered' | 'annulled';
  /** Marginal notes, in the order they were applied. */
  readonly notes?: readonly AppliedNote[];
}

export interface RegisterActCommand {
  readonly id: string;
  readonly type: ActType;
  readonly legacy: LegacyReference;
  readonly person: ActPerson;
  readonly deathDate?: string;
  readonly registrar: { readonly sub: string; readonly office: string };
}

export interface ActChange {
  readonly act: CivilAct;
  readonly action: ActAction & { readonly version: number };
}

/**
 * A registrar registers acts in their own office only; the act's legacy reference names that office and its
 * dates are plausible.
 */
export function registerAct(command: RegisterActCommand, civilId: string | undefined, now: Date): ActChange {
  if (command.legacy.office !== command.registrar.office) {
    throw new ForbiddenError({
      ar: `لا يمكن لضابط الحالة المدنية بمكتب ${command.registrar.office} تسجيل عقود مكتب ${command.legacy.office}`,
      fr: `Un officier du bureau ${command.registrar.office} ne peut enregistrer les actes du bureau ${command.legacy.office}`,
      en: `A registrar of ${command.registrar.office} cannot register acts of office ${command.legacy.office}`,
    });
  }
  requirePlausibleActDates(command, now);
  const act: CivilAct = {
    id: command.id,
    type: command.type,
    office: command.legacy.office,
    legacy: command.legacy,
    person: civilId ? { ...command.person, civilId } : command.person,
    ...(command.deathDate && { deathDate: command.deathDate }),
    registeredAt: now.toISOString(),
    version: 1,
    status: 'registered',
  };
  return { act, action: { type: 'registered', at: act.registeredAt, by: command.registrar.sub, version: 1 } };
}
