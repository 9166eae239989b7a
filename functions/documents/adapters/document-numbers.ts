// Document numbers (printed on the paper, signed in the QR code, typed by whoever checks it) and request ids.
import { randomBytes } from 'node:crypto';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';

/** Crockford base32: no I, L, O or U to misread when the number is typed from paper. */
const NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DOC-` and 12 random characters (60 bits): not guessable, short enough to read out over the phone. */
export function newDocumentNumber(): string {
  // 256 is a multiple of 32, so every character is equally likely.
  return `DOC-${[...randomBytes(12)].map((byte) => NUMBER_ALPHABET[byte % 32]).join('')}`;
}

/** A retry of a request (same caller, same Idempotency-Key) names the same request. */
export const requestIdFor = idFromIdempotencyKey;
