// Ids of things a create makes, derived from the caller and their Idempotency-Key: a retry names the same thing,
// so it meets the first write instead of making a second one, and two callers' keys never meet.
import { createHash } from 'node:crypto';

/** A UUID (version 8 layout) made from SHA-256 of the caller and the key. */
export function idFromIdempotencyKey(callerSub: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`${callerSub}\n${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
