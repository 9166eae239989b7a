// A calendar day written in full (weekday, day, month, year) in Arabic, French and English, from our own tables
// rather than Intl: building Intl's three date formatters loaded ICU's locale data, about 15 ms of the first
// request of every function that explains a deadline, and the words would follow the runtime's CLDR version
// (en-GB gained a comma after the weekday in one). The Arabic names are the ones used in Morocco (ماي، غشت،
// دجنبر…), with Western digits, as ICU's ar-MA writes them; a test holds the tables to ICU's output.
import type { Localized } from '../i18n/language.ts';

const WEEKDAYS = {
  ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

const MONTHS = {
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

const MS_PER_DAY = 86_400_000;

/** The day `dayNumber` (days since 1970-01-01) as "الثلاثاء، 3 مارس 2026", "mardi 3 mars 2026", "Tuesday, 3 March 2026". */
export function writtenDate(dayNumber: number): Localized {
  const date = new Date(dayNumber * MS_PER_DAY);
  const weekday = date.getUTCDay();
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  return {
    ar: `${WEEKDAYS.ar[weekday]}، ${day} ${MONTHS.ar[month]} ${year}`,
    fr: `${WEEKDAYS.fr[weekday]} ${day} ${MONTHS.fr[month]} ${year}`,
    en: `${WEEKDAYS.en[weekday]}, ${day} ${MONTHS.en[month]} ${year}`,
  };
}
