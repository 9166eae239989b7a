// The explanation's dates come from our own tables; ICU (the runtime's Intl, which we did not write) is the
// reference they must agree with, day by day, from the first civil-status acts to the end of the century.
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../../functions/shared/statutory-clock/calendar-date.ts';
import { writtenDate } from '../../../functions/shared/statutory-clock/written-date.ts';

const icu = {
  ar: new Intl.DateTimeFormat('ar-MA-u-nu-latn', { timeZone: 'UTC', dateStyle: 'full' }),
  fr: new Intl.DateTimeFormat('fr-MA', { timeZone: 'UTC', dateStyle: 'full' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' }),
};

describe('writtenDate', () => {
  it('writes a day as ICU writes it in Moroccan Arabic, French and British English', () => {
    expect(writtenDate(parseCalendarDate('2026-03-03', 'day'))).toEqual({
      ar: 'الثلاثاء، 3 مارس 2026',
      fr: 'mardi 3 mars 2026',
      en: 'Tuesday, 3 March 2026',
    });
    expect(writtenDate(parseCalendarDate('2026-08-10', 'day')).ar).toBe('الاثنين، 10 غشت 2026');
  });

  it('agrees with ICU on every day from 1915 to 2100', () => {
    const mismatches: string[] = [];
    for (let day = parseCalendarDate('1915-01-01', 'from'); day <= parseCalendarDate('2100-12-31', 'to'); day++) {
      const date = new Date(day * 86_400_000);
      const ours = writtenDate(day);
      for (const language of ['ar', 'fr', 'en'] as const) {
        const theirs = icu[language].format(date);
        if (ours[language] !== theirs) mismatches.push(`${date.toISOString().slice(0, 10)} ${language}: ${ours[language]} ≠ ${theirs}`);
      }
      if (mismatches.length > 5) break;
    }
    expect(mismatches).toEqual([]);
  });
});
