// The two generated tables the functions read instead of Intl (bin/generate-calendar-tables.ts) hold exactly what
// the ICU of the Node running the tests says: Morocco's offset on every day 1900–2100 and at every transition,
// and the Umm al-Qura month and day of every day 1900–2200. When a Node upgrade brings a tz release that changes
// Morocco's rules, this fails: run `npm run generate:calendar-tables`.
import { describe, expect, it } from 'vitest';
import { ummAlQuraMonthAndDay } from '../../../functions/reference-data/domain/umm-al-qura.ts';
import { MOROCCO_OFFSET_TRANSITIONS, MOROCCO_TZ_DATA_VERSION } from '../../../functions/shared/time/morocco-offset-table.ts';
import { MOROCCO_TIME_ZONE, moroccanDate, moroccoOffsetAt } from '../../../functions/shared/time/morocco-time.ts';

const DAY_MS = 86_400_000;

// ICU's own name of the offset ("GMT+01:00", "GMT-00:30:20", "GMT"), read independently of how the generator
// worked the offset out (from the wall clock).
const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: MOROCCO_TIME_ZONE, timeZoneName: 'longOffset' });

function icuOffset(instant: number): number {
  const name = offsetName.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')!.value;
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name) ?? [];
  const magnitude = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -magnitude : magnitude;
}

const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });

describe("Morocco's offset table", () => {
  it(`was generated from this runtime's tz data (${process.versions.tz}); else regenerate it`, () => {
    expect(MOROCCO_TZ_DATA_VERSION).toBe(process.versions.tz);
  });

  it("gives ICU's offset at midnight, 06:00, noon and 18:00 UTC of every day from 1900 to 2100, and its date", () => {
    const differences: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day < Date.UTC(2101, 0, 1); day += DAY_MS) {
      for (const hour of [0, 6, 12, 18]) {
        const instant = day + hour * 3_600_000;
        if (moroccoOffsetAt(instant) !== icuOffset(instant)) differences.push(new Date(instant).toISOString());
      }
    }
    expect(differences).toEqual([]);
    expect(moroccanDate(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
  });

  it('changes at the very second ICU changes, at every transition', () => {
    for (const [at] of MOROCCO_OFFSET_TRANSITIONS) {
      expect({ at, before: moroccoOffsetAt(at * 1000 - 1) }).toEqual({ at, before: icuOffset(at * 1000 - 1) });
      expect({ at, after: moroccoOffsetAt(at * 1000) }).toEqual({ at, after: icuOffset(at * 1000) });
    }
  });
});

describe('the Umm al-Qura table', () => {
  it("gives ICU's Hijri month and day for every day from 1900 to 2200", () => {
    const differences: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day < Date.UTC(2201, 0, 1); day += DAY_MS) {
      const parts = Object.fromEntries(hijri.formatToParts(new Date(day)).map((part) => [part.type, Number(part.value)]));
      const table = ummAlQuraMonthAndDay(day / DAY_MS);
      if (table.month !== parts.month || table.day !== parts.day) differences.push(new Date(day).toISOString().slice(0, 10));
    }
    expect(differences).toEqual([]);
  });

  it('refuses a day outside the years it holds', () => {
    expect(() => ummAlQuraMonthAndDay(Date.UTC(1899, 0, 1) / DAY_MS)).toThrow(RangeError);
    expect(() => ummAlQuraMonthAndDay(Date.UTC(2202, 0, 1) / DAY_MS)).toThrow(RangeError);
  });
});
