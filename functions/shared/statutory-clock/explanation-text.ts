// The sentences, in Arabic, French and English, that explain to a citizen how each step of a statutory deadline
// was counted. Dates are written in full (weekday, day, month, year) so nobody has to work out a weekday.
import type { Localized } from '../i18n/language.ts';
import { writtenDate as dates } from './written-date.ts';

export type PeriodUnit = 'calendar' | 'working';

/** Why a run of days is not working days; holidays are not named, the dates let the citizen check them. */
export type NonWorkingReason = 'weekend' | 'holiday' | 'holiday-and-weekend';

/** Arabic counted nouns agree with the number: 1 and 2 have their own forms, 3 to 10 take the plural, 11 to 99 the singular accusative. */
function arabicDays(count: number, unit: PeriodUnit | 'plain'): string {
  const working = unit === 'working';
  if (count === 1) return working ? 'يوم عمل واحد' : 'يوم واحد';
  if (count === 2) return working ? 'يوما عمل' : 'يومان';
  const lastTwoDigits = count % 100;
  if (lastTwoDigits >= 3 && lastTwoDigits <= 10) return `${count} ${working ? 'أيام عمل' : 'أيام'}`;
  if (lastTwoDigits >= 11) return `${count} ${working ? 'يوم عمل' : 'يومًا'}`;
  return `${count} ${working ? 'يوم عمل' : 'يوم'}`;
}

function dayCount(count: number, unit: PeriodUnit | 'plain'): Localized {
  const plural = count === 1 ? '' : 's';
  const frenchPlural = count > 1 ? 's' : '';
  const qualifier = {
    plain: { fr: '', en: '' },
    calendar: { fr: ` calendaire${frenchPlural}`, en: ' calendar' },
    working: { fr: ` ouvrable${frenchPlural}`, en: ' working' },
  }[unit];
  return {
    ar: arabicDays(count, unit),
    fr: `${count} jour${frenchPlural}${qualifier.fr}`,
    en: `${count}${qualifier.en} day${plural}`,
  };
}

const reasons: Record<NonWorkingReason, Localized> = {
  weekend: { ar: 'عطلة نهاية الأسبوع', fr: 'week-end', en: 'weekend' },
  holiday: { ar: 'عطلة رسمية', fr: 'jour férié', en: 'public holiday' },
  'holiday-and-weekend': { ar: 'عطلة رسمية وعطلة نهاية الأسبوع', fr: 'jour férié et week-end', en: 'public holiday and weekend' },
};

/** "Saturday, 31 October 2026" for one day, "from … to … (3 days)" for a run. */
function span(from: number, to: number): Localized {
  const [first, last] = [dates(from), dates(to)];
  if (from === to) return first;
  const length = dayCount(to - from + 1, 'plain');
  return {
    ar: `من ${first.ar} إلى ${last.ar} (${length.ar})`,
    fr: `du ${first.fr} au ${last.fr} (${length.fr})`,
    en: `from ${first.en} to ${last.en} (${length.en})`,
  };
}

export function startText(receipt: number): Localized {
  const [received, firstCounted] = [dates(receipt), dates(receipt + 1)];
  return {
    ar: `تم استلام الطلب يوم ${received.ar}. يبدأ احتساب الأجل في اليوم الموالي، ${firstCounted.ar}، ولا يُحتسب يوم الاستلام.`,
    fr: `La demande a été reçue le ${received.fr}. Le décompte commence le lendemain, ${firstCounted.fr} : le jour de réception n'est pas compté.`,
    en: `The request was received on ${received.en}. The count starts the next day, ${firstCounted.en}: the day of receipt is not counted.`,
  };
}

export function periodText(unit: PeriodUnit, days: number, lastDay: number): Localized {
  const [length, last] = [dayCount(days, unit), dates(lastDay)];
  const workingNote: Localized =
    unit === 'working'
      ? {
          ar: ' (من الاثنين إلى الجمعة، باستثناء العطل الرسمية)',
          fr: ' (du lundi au vendredi, hors jours fériés)',
          en: ' (Monday to Friday, public holidays excluded)',
        }
      : { ar: '', fr: '', en: '' };
  return {
    ar: `الأجل القانوني ${length.ar}${workingNote.ar}، وآخر يوم فيه هو ${last.ar}.`,
    fr: `Le délai légal est de ${length.fr}${workingNote.fr} ; son dernier jour est le ${last.fr}.`,
    en: `The legal period is ${length.en}${workingNote.en}, so its last day is ${last.en}.`,
  };
}

/** Non-working days passed over while counting working days. */
export function uncountedDaysText(from: number, to: number, reason: NonWorkingReason): Localized {
  const [days, why] = [span(from, to), reasons[reason]];
  if (from === to) {
    return {
      ar: `لا يُحتسب يوم ${days.ar} لأنه ليس يوم عمل (${why.ar}).`,
      fr: `Le ${days.fr} n'est pas ouvrable (${why.fr}) et n'est pas compté.`,
      en: `${days.en} is not a working day (${why.en}) and is not counted.`,
    };
  }
  return {
    ar: `لا تُحتسب الأيام ${days.ar} لأنها ليست أيام عمل (${why.ar}).`,
    fr: `Les jours ${days.fr} ne sont pas ouvrables (${why.fr}) et ne sont pas comptés.`,
    en: `The days ${days.en} are not working days (${why.en}) and are not counted.`,
  };
}

/** The last day is not a working day, so the deadline moves past the run that starts with it to the next working day. */
export function movedDeadlineText(from: number, to: number, reason: NonWorkingReason, nextWorkingDay: number): Localized {
  const [days, why, next] = [span(from, to), reasons[reason], dates(nextWorkingDay)];
  const moves: Localized = {
    ar: `لذلك يؤجَّل الأجل إلى يوم العمل الموالي، ${next.ar}.`,
    fr: `l'échéance est reportée au jour ouvrable suivant, le ${next.fr}.`,
    en: `so the deadline moves to the next working day, ${next.en}.`,
  };
  if (from === to) {
    return {
      ar: `آخر يوم، ${days.ar}، ليس يوم عمل (${why.ar})، ${moves.ar}`,
      fr: `Le dernier jour, ${days.fr}, n'est pas ouvrable (${why.fr}) : ${moves.fr}`,
      en: `The last day, ${days.en}, is not a working day (${why.en}), ${moves.en}`,
    };
  }
  return {
    ar: `الأيام ${days.ar}، ابتداءً من آخر يوم، ليست أيام عمل (${why.ar})، ${moves.ar}`,
    fr: `Les jours ${days.fr}, à partir du dernier jour, ne sont pas ouvrables (${why.fr}) : ${moves.fr}`,
    en: `The days ${days.en}, starting with the last day, are not working days (${why.en}), ${moves.en}`,
  };
}

export interface SuspensionTextInput {
  readonly from: number;
  /** The last suspended day, or the date of the calculation while the suspension is open. */
  readonly to: number;
  readonly open: boolean;
  /** Days added, leaving out those an earlier suspension already added. */
  readonly added: number;
  readonly deadline: number;
}

export function suspensionText(suspension: SuspensionTextInput): Localized {
  const [from, to, deadline] = [dates(suspension.from), dates(suspension.to), dates(suspension.deadline)];
  const period: Localized = suspension.open
    ? {
        ar: `عُلّق احتساب الأجل منذ ${from.ar} وما يزال معلقًا يوم ${to.ar}، تاريخ هذا الحساب.`,
        fr: `Le décompte est suspendu depuis le ${from.fr} et l'était encore le ${to.fr}, date de ce calcul.`,
        en: `The count has been suspended since ${from.en} and still was on ${to.en}, the date of this calculation.`,
      }
    : suspension.from === suspension.to
      ? {
          ar: `عُلّق احتساب الأجل يوم ${from.ar}.`,
          fr: `Le décompte a été suspendu le ${from.fr}.`,
          en: `The count was suspended on ${from.en}.`,
        }
      : {
          ar: `عُلّق احتساب الأجل من ${from.ar} إلى ${to.ar}.`,
          fr: `Le décompte a été suspendu du ${from.fr} au ${to.fr}.`,
          en: `The count was suspended from ${from.en} to ${to.en}.`,
        };
  const added = dayCount(suspension.added, 'plain');
  const overlap: Localized =
    suspension.added < suspension.to - suspension.from + 1
      ? {
          ar: '، دون الأيام التي أضافها تعليق سابق',
          fr: ', sans les jours déjà ajoutés par une suspension précédente',
          en: ', leaving out the days an earlier suspension already added',
        }
      : { ar: '', fr: '', en: '' };
  const effect: Localized =
    suspension.added === 0
      ? {
          ar: 'هذه الأيام أضافها تعليق سابق، فلا يضاف أي يوم.',
          fr: "Ces jours ont déjà été ajoutés par une suspension précédente : rien n'est ajouté.",
          en: 'An earlier suspension already added these days: nothing is added.',
        }
      : {
          ar: `فيُمدَّد الأجل بما مدته ${added.ar}${overlap.ar}، ويصبح آخر يوم في الأجل ${deadline.ar}.`,
          fr: `Cela ajoute ${added.fr}${overlap.fr} : le dernier jour devient le ${deadline.fr}.`,
          en: `This adds ${added.en}${overlap.en}: the last day becomes ${deadline.en}.`,
        };
  const stillRunning: Localized = suspension.open
    ? {
        ar: ' وكل يوم تعليق إضافي يؤجل الأجل بيوم آخر.',
        fr: ' Chaque jour de suspension supplémentaire reporte encore le délai d\'un jour.',
        en: ' Each further day of suspension moves it one more day.',
      }
    : { ar: '', fr: '', en: '' };
  return {
    ar: `${period.ar} ${effect.ar}${stillRunning.ar}`,
    fr: `${period.fr} ${effect.fr}${stillRunning.fr}`,
    en: `${period.en} ${effect.en}${stillRunning.en}`,
  };
}

export function extensionText(unit: PeriodUnit, days: number, lastDay: number): Localized {
  const [length, last] = [dayCount(days, unit), dates(lastDay)];
  return {
    ar: `مُدِّد الأجل مرة واحدة بما مدته ${length.ar}، فأصبح آخر يوم في الأجل ${last.ar}.`,
    fr: `Le délai est prorogé une fois de ${length.fr} : le dernier jour devient le ${last.fr}.`,
    en: `The period is extended once by ${length.en}: the last day becomes ${last.en}.`,
  };
}

export function dueText(dueDay: number, provisional: boolean): Localized {
  const due = dates(dueDay);
  const note: Localized = provisional
    ? {
        ar: ' هذا التاريخ مؤقت ما دام التعليق مستمرًا.',
        fr: ' Cette date est provisoire tant que la suspension continue.',
        en: ' This date is provisional while the suspension continues.',
      }
    : { ar: '', fr: '', en: '' };
  return {
    ar: `ينتهي الأجل في نهاية يوم ${due.ar} (الساعة 23:59:59 بتوقيت المغرب).${note.ar}`,
    fr: `Le délai expire à la fin du ${due.fr} (23 h 59 min 59 s, heure du Maroc).${note.fr}`,
    en: `The deadline is the end of ${due.en} (23:59:59, Moroccan time).${note.en}`,
  };
}
