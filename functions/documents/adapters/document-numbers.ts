// Document numbers (printed on the paper, signed in the QR code, typed by whoever checks it) and request ids.
import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U to misread when the number is typed from paper. */
const NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DOC-` and 12 random characters (60 bits): not guessable, short enough to read out over the phone. */
export function newDocumentNumber(): string {
  // 256 is a multiple of 32, so every character is equally likely.
  return `DOC-${[...randomBytes(12)].map((byte) => NUMBER_ALPHABET[byte % 32]).join('')}`;
}

/**
 * A UUID made from the caller and their Idempotency-Key (SHA-256, version 8 layout): a retry names the same
 * request, and two callers' keys never meet.
 */
export function requestIdFor(callerSub: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`${callerSub}\n${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
