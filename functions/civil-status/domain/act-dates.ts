// Which dates an act may carry. Morocco's civil-status registers begin with the dahir of 4 September 1915, so
// no register is older than 1915; a person may be registered late (a declaratory judgment), but never before
// being born, and nobody recorded lived longer than 122 years, so a birth is at most 125 years before its
// register. Nothing is dated after today (in Morocco, from the injected time source).
import { ValidationFailedError, type FieldIssue } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { ActType, LegacyReference } from './civil-act.ts';

/** The year of the first civil-status registers (dahir of 4 September 1915): the schema's lower bound of a register's year. */
export const FIRST_REGISTER_YEAR = 1915;
/** The longest a birth may precede the register that records it: beyond the longest life ever recorded (122 years). */
export const LONGEST_LIFE_YEARS = 125;

interface DatedAct {
  readonly type: ActType;
  readonly legacy: LegacyReference;
  readonly person: { readonly birthDate: string };
  readonly deathDate?: string | undefined;
}

interface DateProblem {
  readonly pointer: string;
  readonly code: string;
  readonly detail: Localized;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function refuse(problems: readonly DateProblem[]): never {
  const fieldIssues: FieldIssue[] = problems.map(({ pointer, code, detail }) => ({ pointer, code, detail }));
  throw new ValidationFailedError(
    {
      ar: `تواريخ العقد غير معقولة: ${problems.map((problem) => problem.detail.ar).join('؛ ')}`,
      fr: `Les dates de l'acte ne sont pas plausibles : ${problems.map((problem) => problem.detail.fr).join(' ; ')}`,
      en: `The act's dates are not plausible: ${problems.map((problem) => problem.detail.en).join('; ')}`,
    },
    { fieldIssues },
  );
}

/** Refuses (400) an act whose dates cannot be true, saying which and why. */
export function requirePlausibleActDates(act: DatedAct, now: Date): void {
  const today = moroccanDate(now);
  const { birthDate } = act.person;
  const problems: DateProblem[] = [];
  if (act.legacy.year > yearOf(today)) {
    problems.push({
      pointer: '/body/legacy/year',
      code: 'in_the_future',
      detail: { ar: 'سنة السجل لاحقة للسنة الجارية', fr: "L'année du registre est postérieure à l'année en cours", en: "The register's year is after the current year" },
    });
  }
  if (birthDate > today) {
    problems.push({
      pointer: '/body/person/birthDate',
      code: 'in_the_future',
      detail: { ar: 'تاريخ الولادة لاحق لتاريخ اليوم', fr: "La date de naissance est postérieure à aujourd'hui", en: 'The birth date is after today' },
    });
  }
  if (yearOf(birthDate) < act.legacy.year - LONGEST_LIFE_YEARS) {
    problems.push({
      pointer: '/body/person/birthDate',
      code: 'implausibly_old',
      detail: {
        ar: `تاريخ الولادة يسبق سنة السجل بأكثر من ${LONGEST_LIFE_YEARS} سنة`,
        fr: `La naissance précède l'année du registre de plus de ${LONGEST_LIFE_YEARS} ans`,
        en: `The birth is more than ${LONGEST_LIFE_YEARS} years before the register's year`,
      },
    });
  }
  if (act.type === 'birth' && act.legacy.year < yearOf(birthDate)) {
    problems.push({
      pointer: '/body/legacy/year',
      code: 'before_birth',
      detail: {
        ar: 'سنة السجل سابقة لسنة الولادة: لا يسجل عقد الولادة قبل وقوعها',
        fr: "L'année du registre précède celle de la naissance : un acte de naissance ne peut être dressé avant elle",
        en: "The register's year is before the birth year: a birth is not registered before it happens",
      },
    });
  }
  if (act.deathDate !== undefined) {
    if (act.deathDate < birthDate) {
      problems.push({
        pointer: '/body/deathDate',
        code: 'before_birth',
        detail: { ar: 'تاريخ الوفاة سابق لتاريخ الولادة', fr: 'La date de décès précède la date de naissance', en: 'The death date is before the birth date' },
      });
    }
    if (act.deathDate > today) {
      problems.push({
        pointer: '/body/deathDate',
        code: 'in_the_future',
        detail: { ar: 'تاريخ الوفاة لاحق لتاريخ اليوم', fr: "La date de décès est postérieure à aujourd'hui", en: 'The death date is after today' },
      });
    }
    if (act.legacy.year < yearOf(act.deathDate)) {
      problems.push({
        pointer: '/body/legacy/year',
        code: 'before_death',
        detail: {
          ar: 'سنة السجل سابقة لسنة الوفاة',
          fr: "L'année du registre précède celle du décès",
          en: "The register's year is before the year of the death",
        },
      });
    }
  }
  if (problems.length > 0) refuse(problems);
}

/** A marginal note records an event of the person's life: not before their birth, not after today. */
export function requirePlausibleEventDate(eventDate: string, birthDate: string, now: Date): void {
  if (eventDate < birthDate) {
    refuse([
      {
        pointer: '/body/eventDate',
        code: 'before_birth',
        detail: { ar: 'تاريخ الواقعة سابق لولادة صاحب العقد', fr: "La date de l'événement précède la naissance de la personne", en: "The event's date is before the person's birth" },
      },
    ]);
  }
  if (eventDate > moroccanDate(now)) {
    refuse([
      {
        pointer: '/body/eventDate',
        code: 'in_the_future',
        detail: { ar: 'تاريخ الواقعة لاحق لتاريخ اليوم', fr: "La date de l'événement est postérieure à aujourd'hui", en: "The event's date is after today" },
      },
    ]);
  }
}
