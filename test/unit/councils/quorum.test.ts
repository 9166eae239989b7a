// Article 42's quorum and the dates of the meetings after a sitting without it, against oracles written here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneThirdOf, quorumOf } from '../../../functions/councils/domain/council-body.ts';
import { addDays, countQuorum, daysBetween, secondMeetingWindow, thirdMeetingEarliest, workingDayAfter } from '../../../functions/councils/domain/quorum.ts';

const DAY_MS = 86_400_000;
const dateArbitrary = fc.integer({ min: dayOf('2020-01-01'), max: dayOf('2040-12-31') }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const holidaysArbitrary = (from: string) => fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 5 }).map((offsets) => new Set(offsets.map((offset) => addDays(from, offset))));

describe('the quorum of article 42', () => {
  it('is more than half of the members in office, and one third is at least a third', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (inOffice) => {
        const quorum = quorumOf(inOffice);
        expect(quorum * 2).toBeGreaterThan(inOffice);
        expect((quorum - 1) * 2).toBeLessThanOrEqual(inOffice);
        const third = oneThirdOf(inOffice);
        expect(third * 3).toBeGreaterThanOrEqual(inOffice);
        expect((third - 1) * 3).toBeLessThan(inOffice);
      }),
    );
  });

  it('is met by the members present alone unless the settings count proxies, and the third meeting deliberates whatever the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.nat(120), fc.nat(60), fc.boolean(), fc.constantFrom(1, 2, 3), (inOffice, presentRaw, proxiesRaw, proxiesCount, round) => {
        const present = Math.min(presentRaw, inOffice);
        const proxies = Math.min(proxiesRaw, inOffice - present, present);
        const count = countQuorum(round as 1 | 2 | 3, inOffice, present, proxies, proxiesCount);
        const counted = present + (proxiesCount ? proxies : 0);
        expect(count.met).toBe(counted * 2 > inOffice);
        expect(count.mayDeliberate).toBe(count.met || round === 3);
      }),
    );
  });

  it('sixty members in office need thirty-one present', () => {
    expect(countQuorum(1, 60, 30, 10, false)).toMatchObject({ required: 31, met: false });
    expect(countQuorum(1, 60, 30, 10, true)).toMatchObject({ required: 31, met: true });
  });
});

describe('the meetings after a sitting without quorum', () => {
  it('proposes the second meeting 3 to 5 calendar days after the first', () => {
    fc.assert(
      fc.property(dateArbitrary, (first) => {
        const window = secondMeetingWindow(first);
        expect(daysBetween(first, window.earliest)).toBe(3);
        expect(daysBetween(first, window.latest)).toBe(5);
      }),
    );
  });

  it('proposes the third on the first working day after the third working day following the second', () => {
    fc.assert(
      fc.property(
        dateArbitrary.chain((second) => fc.tuple(fc.constant(second), holidaysArbitrary(second))),
        ([second, holidays]) => {
          const third = thirdMeetingEarliest(second, holidays);
          const working = (date: string) => !isWeekend(date) && !holidays.has(date);
          // Exactly three working days lie strictly between the second meeting and the third, and the third is one.
          let between = 0;
          for (let day = addDays(second, 1); day < third; day = addDays(day, 1)) if (working(day)) between += 1;
          expect(between).toBe(3);
          expect(working(third)).toBe(true);
        },
      ),
    );
  });

  it('skips a weekend and a holiday', () => {
    // Wednesday 2027-10-13: Thu 14, Fri 15 (a holiday here), Mon 18, Tue 19 are the working days; Wed 20 the third meeting.
    expect(workingDayAfter('2027-10-13', 3, new Set(['2027-10-15']))).toBe('2027-10-19');
    expect(thirdMeetingEarliest('2027-10-13', new Set(['2027-10-15']))).toBe('2027-10-20');
  });
});
