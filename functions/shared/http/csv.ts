// CSV responses (RFC 4180): for figures that people open in a spreadsheet. Asked for by `?format=csv` or by an
// Accept header that prefers `text/csv` to JSON.
import { acceptsFirst } from './content-negotiation.ts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

export type CsvCell = string | number | null | undefined;

/** A UTF-8 byte order mark first, so spreadsheet programs read the Arabic names as UTF-8. */
const BYTE_ORDER_MARK = '\uFEFF';

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quoted when it holds a separator, a quote or a line break; a leading = + - @ is quoted too, and prefixed
  // with an apostrophe, so a spreadsheet never runs a name as a formula.
  const guarded = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return Buffer.from(`${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** True when `Accept` ranks text/csv above application/json (and above any wildcard that would match JSON). */
export const acceptsCsvFirst = (accept: string | undefined): boolean => acceptsFirst(accept, 'text/csv', ['application/json']);
