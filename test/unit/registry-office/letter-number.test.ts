// Registry numbers: the default writes `2027/A/000123`; any format an administrator may keep gives distinct
// places (register, year, sequence) distinct numbers; a format that could not is refused, naming what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NUMBER_FORMAT,
  REGISTERS,
  formatLetterNumber,
  numberFormatIssues,
  type NumberFormat,
  type NumberedPlace,
} from '../../../functions/registry-office/domain/letter-number.ts';

const NUM_RUNS = 300;

const literal = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '/', '-', '.', '_'), maxLength: 3 });
const registerCode = fc.string({ unit: fc.constantFrom('A', 'B', 'D', 'I', 'Z'), minLength: 1, maxLength: 3 });

/** Formats built as an administrator may write them, kept only when the checks accept them. */
const acceptedFormat: fc.Arbitrary<NumberFormat> = fc
  .record({
    order: fc.shuffledSubarray(['{year}', '{register}', '{sequence}'], { minLength: 3, maxLength: 3 }),
    literals: fc.tuple(literal, literal, literal, literal),
    sequenceDigits: fc.integer({ min: 1, max: 10 }),
    codes: fc.tuple(registerCode, registerCode, registerCode),
  })
  .map(({ order, literals, sequenceDigits, codes }) => ({
    template: literals[0] + order.map((token, index) => token + literals[index + 1]).join(''),
    sequenceDigits,
    registerCodes: { incoming: codes[0], outgoing: codes[1], internal: codes[2] },
  }))
  .filter((format) => numberFormatIssues(format, '/body').length === 0);

const place: fc.Arbitrary<NumberedPlace> = fc.record({
  register: fc.constantFrom(...REGISTERS),
  year: fc.integer({ min: 2000, max: 2100 }),
  sequence: fc.integer({ min: 1, max: 20_000_000 }),
});

describe('registry numbers', () => {
  it('writes the default as year / register letter / sequence on six digits', () => {
    expect(formatLetterNumber(DEFAULT_NUMBER_FORMAT, { register: 'incoming', year: 2027, sequence: 123 })).toBe('2027/A/000123');
    expect(formatLetterNumber(DEFAULT_NUMBER_FORMAT, { register: 'outgoing', year: 2027, sequence: 1 })).toBe('2027/D/000001');
    expect(formatLetterNumber(DEFAULT_NUMBER_FORMAT, { register: 'internal', year: 2027, sequence: 45 })).toBe('2027/I/000045');
  });

  it('never cuts a sequence longer than its padding', () => {
    expect(formatLetterNumber(DEFAULT_NUMBER_FORMAT, { register: 'incoming', year: 2027, sequence: 1_234_567 })).toBe('2027/A/1234567');
  });

  it('accepts the default format', () => {
    expect(numberFormatIssues(DEFAULT_NUMBER_FORMAT, '/body/numberFormat')).toEqual([]);
  });

  it('gives distinct places distinct numbers under every accepted format', () => {
    fc.assert(
      fc.property(acceptedFormat, place, place, (format, a, b) => {
        fc.pre(a.register !== b.register || a.year !== b.year || a.sequence !== b.sequence);
        expect(formatLetterNumber(format, a)).not.toBe(formatLetterNumber(format, b));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('writes every sequence with at least its padding and its exact value', () => {
    fc.assert(
      fc.property(acceptedFormat, place, (format, numbered) => {
        const number = formatLetterNumber(format, numbered);
        const digits = String(numbered.sequence).padStart(format.sequenceDigits, '0');
        expect(number).toContain(digits);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses a template without the sequence', () => {
    const issues = numberFormatIssues({ ...DEFAULT_NUMBER_FORMAT, template: '{year}/{register}' }, '/body/numberFormat');

    expect(issues).toEqual([expect.objectContaining({ pointer: '/body/numberFormat/template', code: 'token_count' })]);
  });

  it('refuses a token written twice', () => {
    const issues = numberFormatIssues({ ...DEFAULT_NUMBER_FORMAT, template: '{year}/{register}/{sequence}/{year}' }, '/body/numberFormat');

    expect(issues.map((issue) => issue.code)).toEqual(['token_count']);
  });

  it('refuses digits in the literals, which a sequence could be mistaken for', () => {
    const issues = numberFormatIssues({ ...DEFAULT_NUMBER_FORMAT, template: '{year}1{register}{sequence}' }, '/body/numberFormat');

    expect(issues.map((issue) => issue.code)).toEqual(['invalid_literal']);
  });

  it('refuses register codes of which one begins another', () => {
    const issues = numberFormatIssues({ ...DEFAULT_NUMBER_FORMAT, registerCodes: { incoming: 'A', outgoing: 'AD', internal: 'I' } }, '/body/numberFormat');

    expect(issues).toEqual([expect.objectContaining({ pointer: '/body/numberFormat/registerCodes', code: 'ambiguous_codes' })]);
  });

  it('refuses two registers with one code', () => {
    const issues = numberFormatIssues({ ...DEFAULT_NUMBER_FORMAT, registerCodes: { incoming: 'A', outgoing: 'A', internal: 'I' } }, '/body/numberFormat');

    expect(issues.map((issue) => issue.code)).toEqual(['ambiguous_codes']);
  });
});
