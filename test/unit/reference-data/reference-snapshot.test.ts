// The holidays other contexts count deadlines with, read through the reference-data public module.
import { describe, expect, it } from 'vitest';
import { readReferenceSnapshot } from '../../../functions/reference-data/public.ts';
import { referenceKeys } from '../../../functions/reference-data/adapters/reference-keys.ts';

describe('readReferenceSnapshot holidays', () => {
  it('counts Eid al-Adha, 1 Muharram and Mawlid in a 2026 saved with Eid al-Fitr alone (the old README example)', () => {
    const incomplete2026 = {
      ...referenceKeys.movableHolidays(2026),
      year: 2026,
      dates: [{ code: 'eid-al-fitr', date: '2026-03-20' }, { code: 'eid-al-fitr', date: '2026-03-21' }],
      version: 1,
    };

    const { holidays } = readReferenceSnapshot([incomplete2026], { years: [2026] });

    for (const date of ['2026-03-20', '2026-03-21', '2026-05-27', '2026-05-28', '2026-06-16', '2026-08-25', '2026-08-26']) {
      expect(holidays.has(date), date).toBe(true);
    }
  });

  it('counts the confirmed dates, not the estimates, of a complete year', () => {
    const complete2026 = {
      ...referenceKeys.movableHolidays(2026),
      dates: [
        { code: 'eid-al-fitr', date: '2026-03-21' },
        { code: 'eid-al-fitr', date: '2026-03-22' },
        { code: 'eid-al-adha', date: '2026-05-27' },
        { code: 'eid-al-adha', date: '2026-05-28' },
        { code: 'hijri-new-year', date: '2026-06-16' },
        { code: 'mawlid', date: '2026-08-25' },
        { code: 'mawlid', date: '2026-08-26' },
      ],
    };

    const { holidays } = readReferenceSnapshot([complete2026], { years: [2026] });

    expect(holidays.has('2026-03-22')).toBe(true);
    expect(holidays.has('2026-03-20')).toBe(false);
  });
});
