// Calendar dates and UTC offsets as they are in Morocco. The offset of Africa/Casablanca has changed around
// Ramadan, and tz releases revise it (2026c ends the changes in September 2026), so it always comes from the
// IANA tz data: captured in ./morocco-offset-table.ts from the ICU of the Node the repository pins, and held
// to that ICU day by day by a test. A table, not Intl: the first Intl.DateTimeFormat of a process costs about
// 15 ms of a cold start, and almost every route works out a Moroccan date.
import { MOROCCO_INITIAL_OFFSET_SECONDS, MOROCCO_OFFSET_TRANSITIONS } from './morocco-offset-table.ts';

export const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

/** Morocco's UTC offset at `instant` (milliseconds since the epoch), in milliseconds. */
export function moroccoOffsetAt(instant: number): number {
  const second = Math.floor(instant / 1000);
  // The last transition at or before the second: binary search over ~70 entries.
  let low = 0;
  let high = MOROCCO_OFFSET_TRANSITIONS.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (MOROCCO_OFFSET_TRANSITIONS[middle]![0] <= second) low = middle + 1;
    else high = middle;
  }
  return (low === 0 ? MOROCCO_INITIAL_OFFSET_SECONDS : MOROCCO_OFFSET_TRANSITIONS[low - 1]![1]) * 1000;
}

/** The `YYYY-MM-DD` date in Morocco at `instant`. */
export function moroccanDate(instant: Date): string {
  return new Date(instant.getTime() + moroccoOffsetAt(instant.getTime())).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` date as Moroccan documents print it, `DD/MM/YYYY`: read the same way in Arabic and French. */
export function printedDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
