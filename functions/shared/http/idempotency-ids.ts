// Ids of things a create makes, derived from the caller and their Idempotency-Key: a retry names the same thing,
// so it meets the first write instead of making a second one, and two callers' keys never meet.
import { createHash } from 'node:crypto';

/** A UUID (version 8 layout) made from SHA-256 of the caller and the key. */
export function idFromIdempotencyKey(callerSub: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`${callerSub}\n${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Code-point order: `localeCompare` would load ICU's collator (several milliseconds of a cold start) to sort field names. */
const byCodePoints = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A value as JSON with every map's keys sorted: stored maps come back from DynamoDB in any key order. Only ever
 * compared with another canonical form made here, never stored, so the order need only be the same each time.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(byCodePoints)) : field,
  );
}

/**
 * Whether `stored` (what a create wrote under an id derived from an Idempotency-Key) holds every field of `asked`
 * with the same value: then a retry asks for the same thing, otherwise the key was reused for another request.
 */
export function holdsFieldsOf(stored: object, asked: Readonly<Record<string, unknown>>): boolean {
  const kept = Object.fromEntries(Object.keys(asked).map((field) => [field, (stored as Record<string, unknown>)[field]]));
  return canonicalJson(kept) === canonicalJson(asked);
}
