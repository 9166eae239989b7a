// The secret code that lets a letter's sender follow it ("where is my letter") without signing in. The code is
// given once, at registration; only its digest is stored. A code carries 100 random bits, so a plain SHA-256 is
// enough: there is nothing to guess by trying words, and no slow hash is needed.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so that a code read aloud or copied from paper is not mistaken. */
export const LOOKUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Four groups of five characters: `7K3QD-M9XTA-2WERB-H0VNC`. */
export const LOOKUP_CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

/** Writes 20 random values (0 to 31) as a lookup code. */
export function lookupCodeOf(values: readonly number[]): string {
  const characters = values.map((value) => LOOKUP_CODE_ALPHABET[value & 31]).join('');
  return characters.match(/.{5}/g)!.join('-');
}

export function lookupCodeDigest(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('base64url');
}

/**
 * Whether `code` is the one whose digest was stored. The comparison takes the same time whatever the code, and the
 * same time again against the digest of no letter (`stored` undefined): an unknown number and a wrong code cannot be
 * told apart by the answer nor by its timing.
 */
export function lookupCodeMatches(code: string, stored: string | undefined): boolean {
  const given = Buffer.from(lookupCodeDigest(code), 'base64url');
  const expected = Buffer.from(stored ?? NO_LETTER_DIGEST, 'base64url');
  return timingSafeEqual(given, expected.length === given.length ? expected : Buffer.alloc(given.length)) && stored !== undefined;
}

/** Compared against when no letter has the number, so that the work done is the same. */
const NO_LETTER_DIGEST = lookupCodeDigest('no letter has this number');
