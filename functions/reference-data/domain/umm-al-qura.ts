// Gregorian days as Umm al-Qura Hijri month and day, read from ./umm-al-qura-table.ts: the month lengths of the
// ICU calendar the Node the repository pins ships (held to it day by day by a test), so that estimating a year's
// movable holidays costs a cold start no Intl.DateTimeFormat (about 15 ms for the first of a process). Pure.
import { lazyValue } from '../../shared/lazy-value.ts';
import { UMM_AL_QURA_FIRST_MONTH, UMM_AL_QURA_MONTH_COUNT, UMM_AL_QURA_MONTH_LENGTHS } from './umm-al-qura-table.ts';

/** The day (since 1970-01-01) each month of the table starts on, and one past the last month's end. */
const monthStarts = lazyValue(() => {
  const starts = new Int32Array(UMM_AL_QURA_MONTH_COUNT + 1);
  starts[0] = UMM_AL_QURA_FIRST_MONTH.dayNumber;
  for (let month = 0; month < UMM_AL_QURA_MONTH_COUNT; month += 1) {
    const longMonth = (Number.parseInt(UMM_AL_QURA_MONTH_LENGTHS[month >> 2]!, 16) >> (3 - (month & 3))) & 1;
    starts[month + 1] = starts[month]! + (longMonth ? 30 : 29);
  }
  return starts;
});

/** The Hijri month (1–12) and day of a Gregorian day given as days since 1970-01-01 (UTC). */
export function ummAlQuraMonthAndDay(dayNumber: number): { month: number; day: number } {
  const starts = monthStarts();
  if (dayNumber < starts[0]! || dayNumber >= starts[UMM_AL_QURA_MONTH_COUNT]!) {
    throw new RangeError(`Day ${dayNumber} since 1970-01-01 is outside the Umm al-Qura table (the years 1900 to 2200)`);
  }
  let low = 0;
  let high = UMM_AL_QURA_MONTH_COUNT;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= dayNumber) low = middle;
    else high = middle;
  }
  return { month: ((UMM_AL_QURA_FIRST_MONTH.month - 1 + low) % 12) + 1, day: dayNumber - starts[low]! + 1 };
}
