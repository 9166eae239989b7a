// What an administrator may set as a year's movable holidays: every movable holiday of the year (none may be
// left out, or deadlines would count it as a working day), each with its number of days, on dates inside the
// year and near its Umm al-Qura estimate; one estimated next to New Year may be said to have moved across it.
import type { FieldIssue } from '../../shared/errors/domain-errors.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import {
  MOVABLE_HOLIDAYS,
  SIGHTING_MARGIN_DAYS,
  estimatedOccurrences,
  missingOccurrences,
  nearNewYear,
  occurrencesOf,
  unexpectedOccurrences,
  type MovableHolidayCode,
  type MovableHolidaySet,
} from './holiday-calendar.ts';

/** A holiday as the Arabic and French details name it: its official name, then the code the request gives. */
function holidayName(code: MovableHolidayCode): BilingualName {
  const { names } = MOVABLE_HOLIDAYS[code];
  return { ar: `${names.ar} (${code})`, fr: `${names.fr} (${code})` };
}

/** A holiday's length: one day, or two (or more) consecutive days. */
function holidayLength(length: number): BilingualName {
  return {
    ar: length === 1 ? 'يوم واحد' : length === 2 ? 'يومان متتاليان' : `${length} أيام متتالية`,
    fr: length === 1 ? 'un jour' : `${length} jours consécutifs`,
  };
}

export function movableHolidayIssues(year: number, set: MovableHolidaySet): FieldIssue[] {
  const { dates } = set;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  dates.forEach((entry, index) => {
    if (!entry.date.startsWith(`${year}-`)) {
      issues.push({
        pointer: `/body/holidays/${index}/date`,
        code: 'outside_year',
        detail: { ar: `يجب أن يقع التاريخ في سنة ${year}`, fr: `La date doit être comprise dans l'année ${year}`, en: `The date must fall in ${year}` },
      });
    }
    if (seen.has(entry.date)) {
      issues.push({
        pointer: `/body/holidays/${index}/date`,
        code: 'duplicate_date',
        detail: { ar: 'لا يرد كل تاريخ إلا مرة واحدة', fr: "Chaque date ne peut figurer qu'une seule fois", en: 'Each date may appear only once' },
      });
    }
    seen.add(entry.date);
  });
  (set.movedToNeighbouringYear ?? []).forEach((code, index) => {
    if (!estimatedOccurrences(year).some((estimate) => estimate.code === code && nearNewYear(year, estimate))) {
      issues.push({
        pointer: `/body/movedToNeighbouringYear/${index}`,
        code: 'not_near_new_year',
        detail: {
          ar: `${holidayName(code).ar}: لا يقع أي من تواريخه التقديرية لسنة ${year} في حدود ${SIGHTING_MARGIN_DAYS} أيام من رأس السنة الميلادية`,
          fr: `${holidayName(code).fr} : aucune de ses dates estimées pour ${year} ne tombe à ${SIGHTING_MARGIN_DAYS} jours au plus du jour de l'An`,
          en: `No estimate of ${code} in ${year} falls within ${SIGHTING_MARGIN_DAYS} days of New Year`,
        },
      });
    }
  });
  if (issues.length > 0) return issues;

  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;
  for (const occurrence of occurrencesOf(dates)) {
    const length = MOVABLE_HOLIDAYS[occurrence.code].hijriDays.length;
    // A holiday may be cut by New Year: its days on the other side belong to the neighbouring year's calendar.
    const cutByNewYear = occurrence.dates.length < length && (occurrence.dates[0] === firstDay || occurrence.dates.at(-1) === lastDay);
    if (occurrence.dates.length !== length && !cutByNewYear) {
      issues.push({
        pointer: '/body/holidays',
        code: 'holiday_days',
        detail: {
          ar: `مدة ${holidayName(occurrence.code).ar} ${holidayLength(length).ar}؛ التواريخ المقدمة: ${occurrence.dates.join('، ')}`,
          fr: `${holidayName(occurrence.code).fr} dure ${holidayLength(length).fr} ; dates indiquées : ${occurrence.dates.join(', ')}`,
          en: `${occurrence.code} lasts ${length} consecutive day(s); ${occurrence.dates.join(', ')} given`,
        },
      });
    }
  }
  for (const occurrence of unexpectedOccurrences(year, dates)) {
    issues.push({
      pointer: '/body/holidays',
      code: 'far_from_estimate',
      detail: {
        ar: `${holidayName(occurrence.code).ar} بتاريخ ${occurrence.dates[0]} يبعد بأكثر من ${SIGHTING_MARGIN_DAYS} أيام عن كل التواريخ التقديرية لتقويم أم القرى لسنة ${year}`,
        fr: `${holidayName(occurrence.code).fr}, le ${occurrence.dates[0]}, s'écarte de plus de ${SIGHTING_MARGIN_DAYS} jours de toute date estimée par le calendrier Umm al-Qura pour ${year}`,
        en: `${occurrence.code} on ${occurrence.dates[0]} is more than ${SIGHTING_MARGIN_DAYS} days from any Umm al-Qura estimate of ${year}`,
      },
    });
  }
  for (const occurrence of missingOccurrences(year, set)) {
    issues.push({
      pointer: '/body/holidays',
      code: 'missing_holiday',
      detail: nearNewYear(year, occurrence)
        ? {
            ar: `${holidayName(occurrence.code).ar} غير مدرج (التاريخ التقديري: ${occurrence.dates.join('، ')})؛ أدخل تواريخه، أو اذكره في movedToNeighbouringYear`,
            fr: `${holidayName(occurrence.code).fr} manque (date estimée : ${occurrence.dates.join(', ')}) ; indiquez ses dates, ou inscrivez-le dans movedToNeighbouringYear`,
            en: `${occurrence.code} is missing (estimated ${occurrence.dates.join(', ')}); give its dates, or name it in movedToNeighbouringYear`,
          }
        : {
            ar: `${holidayName(occurrence.code).ar} غير مدرج (التاريخ التقديري: ${occurrence.dates.join('، ')})؛ يجب إدخال جميع الأعياد الدينية لسنة ${year}`,
            fr: `${holidayName(occurrence.code).fr} manque (date estimée : ${occurrence.dates.join(', ')}) ; indiquez toutes les fêtes religieuses de ${year}`,
            en: `${occurrence.code} is missing (estimated ${occurrence.dates.join(', ')}); give every movable holiday of ${year}`,
          },
    });
  }
  return issues;
}
