// The one way a path or query parameter becomes a number: decimal digits only, then the bounds.
// `z.coerce.number()` reads `0x7E9` as 2025, `1e1` as 10 and ` 12 `, `012` or `12.0` as 12, so one URL would name
// several things and a mistyped one would be served instead of refused.
import * as z from 'zod';

/** Canonical decimal: no sign, no leading zero, so each number has exactly one spelling. */
const DECIMAL_DIGITS = /^(0|[1-9][0-9]{0,14})$/;

export function decimalInteger(bounds: { readonly min: number; readonly max: number }) {
  return z
    .string()
    .regex(DECIMAL_DIGITS, 'decimal digits only, without leading zeros')
    .transform(Number)
    .pipe(z.number().int().min(bounds.min).max(bounds.max));
}
