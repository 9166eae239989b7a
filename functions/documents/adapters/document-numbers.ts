// Document numbers: printed on the paper, signed in the QR code, typed by whoever checks it.
import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U to misread when the number is typed from paper. */
const NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DOC-` and 12 random characters (60 bits): not guessable, short enough to read out over the phone. */
export function newDocumentNumber(): string {
  // 256 is a multiple of 32, so every character is equally likely.
  return `DOC-${[...randomBytes(12)].map((byte) => NUMBER_ALPHABET[byte % 32]).join('')}`;
}
