import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCivilId, newCivilId, verhoeffCheckDigit } from '../../../functions/civil-status/domain/civil-identifier.ts';

const digits = (values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length]!;
};

describe('the civil identifier', () => {
  it('uses the Verhoeff check digit (236 → 3, 12345 → 1)', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffCheckDigit('12345')).toBe(1);
  });

  it('has ten digits, the first never 0, and validates', () => {
    const id = newCivilId(digits([0, 4, 2, 7, 1, 9, 3, 3, 8]));

    expect(id).toMatch(/^[1-9]\d{9}$/);
    expect(isValidCivilId(id)).toBe(true);
  });

  it('refuses anything but ten digits', () => {
    expect(isValidCivilId('123456789')).toBe(false);
    expect(isValidCivilId('12345678901')).toBe(false);
    expect(isValidCivilId('12345678a0')).toBe(false);
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), fc.nat(9), fc.integer({ min: 1, max: 9 }), (random, position, shift) => {
        const id = newCivilId(digits(random));
        const typo = id.slice(0, position) + String((Number(id[position]) + shift) % 10) + id.slice(position + 1);
        expect(isValidCivilId(typo)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('catches every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), fc.nat(8), (random, position) => {
        const id = newCivilId(digits(random));
        fc.pre(id[position] !== id[position + 1]);
        const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
        expect(isValidCivilId(swapped)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
