// Calendar dates as they are in Morocco. The offset of Africa/Casablanca changes around Ramadan and has been
// revised by tz releases, so it always comes from the runtime's IANA zone data, never from a constant.
import { lazyValue } from '../lazy-value.ts';

export const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

const moroccanCalendarDate = lazyValue(() => new Intl.DateTimeFormat('en-CA', { timeZone: MOROCCO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** The `YYYY-MM-DD` date in Morocco at `instant`. */
export function moroccanDate(instant: Date): string {
  return moroccanCalendarDate().format(instant);
}

/** A `YYYY-MM-DD` date as Moroccan documents print it, `DD/MM/YYYY`: read the same way in Arabic and French. */
export function printedDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
