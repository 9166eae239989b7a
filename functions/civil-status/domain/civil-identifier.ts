// The digital civil identifier: 9 random digits and a Verhoeff check digit, so a single mistyped digit or
// two swapped neighbours are caught before any lookup. Random and meaningless: it says nothing about the person.
const MULTIPLICATION = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;

const PERMUTATION = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;

const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

const CIVIL_ID = /^\d{10}$/;

/** Verhoeff's running check over `digits`, read right to left, starting at `offset` in the permutation cycle. */
function verhoeff(digits: string, offset: number): number {
  let check = 0;
  const reversed = [...digits].reverse();
  reversed.forEach((digit, index) => {
    check = MULTIPLICATION[check]![PERMUTATION[(index + offset) % 8]![Number(digit)]!]!;
  });
  return check;
}

export function verhoeffCheckDigit(digits: string): number {
  return INVERSE[verhoeff(digits, 1)]!;
}

export function isValidCivilId(candidate: string): boolean {
  return CIVIL_ID.test(candidate) && verhoeff(candidate, 0) === 0;
}

/**
 * A new identifier from nine random digits (`randomDigit` returns 0..9). The first digit is never 0, so the
 * identifier keeps its ten digits when someone types it as a number. Uniqueness is the store's job.
 */
export function newCivilId(randomDigit: () => number): string {
  const body = [1 + (randomDigit() % 9), ...Array.from({ length: 8 }, () => randomDigit())].join('');
  return `${body}${verhoeffCheckDigit(body)}`;
}
