// The one way a path or query parameter becomes a number: decimal digits only, then the bounds.
// `z.coerce.number()` reads `0x7E9` as 2025, `1e1` as 10 and ` 12 `, `012` or `12.0` as 12, so one URL would name
// several things and a mistyped one would be served instead of refused.
import * as z from 'zod/mini';

/** Canonical decimal: no sign, no leading zero, so each number has exactly one spelling. */
export const DECIMAL_DIGITS = /^(0|[1-9][0-9]{0,14})$/;
export const DECIMAL_DIGITS_MESSAGE = 'decimal digits only, without leading zeros';

export function decimalInteger(bounds: { readonly min: number; readonly max: number }) {
  const digits = z.string().check(z.regex(DECIMAL_DIGITS, DECIMAL_DIGITS_MESSAGE));
  return z.pipe(z.pipe(digits, z.transform(Number)), z.int().check(z.gte(bounds.min), z.lte(bounds.max)));
}
