// decimalInteger (./decimal-integer.schema.ts) as a classic zod schema, for the schemas not yet written with
// zod/mini (transparency's), which call its methods. Remove this file once no schema imports it.
import * as z from 'zod';
import { DECIMAL_DIGITS, DECIMAL_DIGITS_MESSAGE } from './decimal-integer.schema.ts';

export function decimalInteger(bounds: { readonly min: number; readonly max: number }) {
  return z.string().regex(DECIMAL_DIGITS, DECIMAL_DIGITS_MESSAGE).transform(Number).pipe(z.number().int().min(bounds.min).max(bounds.max));
}
