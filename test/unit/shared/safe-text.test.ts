// The text-hygiene building blocks: every value comes out NFC, and no invisible, control or bidi character gets in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fieldIssues } from '../../../functions/shared/http/field-issues.ts';
import { FORBIDDEN_CHARACTER, safeFreeText, safeIdentifier, safeName } from '../../../functions/shared/text/safe-text.schema.ts';

/** Characters that make two values look alike or one value look like another. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u0000', '\u0007', '\u001B', '\u007F', '\u202A', '\u202E', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\uD800', '\uDFFF', '\u2028', '\u2029'];

const name = safeName({ max: 100 });
const identifier = safeIdentifier({ max: 32 });
const freeText = safeFreeText({ max: 2000 });

const visibleText = fc.string({ unit: fc.constantFrom(...'abc ABC éàç محمد سلمى 123-'.split('')), minLength: 1, maxLength: 20 }).filter((text) => text.trim().length > 0);

describe('safe text', () => {
  it('refuses an invisible, control, bidi or lone-surrogate character anywhere in a name, an identifier or free text', () => {
    fc.assert(
      fc.property(visibleText, fc.constantFrom(...INVISIBLE), fc.nat(), (text, invisible, at) => {
        const position = at % (text.length + 1);
        const value = `x${text.slice(0, position)}${invisible}${text.slice(position)}x`;
        for (const schema of [name, identifier, freeText]) {
          const parsed = schema.safeParse(value);
          expect(parsed.success).toBe(false);
          expect(parsed.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: FORBIDDEN_CHARACTER } });
        }
      }),
    );
  });

  it('gives every accepted value in NFC, so one name typed two ways is one value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('e', '\u0301', 'a', '\u0300', 'c', '\u0327', ' ', 'ا', '\u064E'), minLength: 1, maxLength: 12 }), (text) => {
        const parsed = name.safeParse(`n${text}`);
        if (parsed.success) expect(parsed.data).toBe(parsed.data.normalize('NFC'));
      }),
    );
    expect(name.parse('Zine\u0301b')).toBe(name.parse('Zinéb'));
  });

  it('makes "R" and "R" with a zero-width space one register or none: the second is refused', () => {
    expect(identifier.parse('R')).toBe('R');
    expect(identifier.safeParse('R\u200B').success).toBe(false);
    expect(identifier.safeParse('R\u00A012').success).toBe(false);
  });

  it('keeps line feeds and tabs in free text, and refuses them in names and identifiers', () => {
    expect(freeText.parse('Mariage\n\tà Fès')).toBe('Mariage\n\tà Fès');
    expect(freeText.parse('Mariage\r\nà Fès\rle 1er mai')).toBe('Mariage\nà Fès\nle 1er mai');
    expect(name.safeParse('Omar\nAli').success).toBe(false);
    expect(identifier.safeParse('R\t1').success).toBe(false);
  });

  it('refuses the signed-claim attack "Omar\\u202Egnp.exe" with a 400 field issue naming the character, in the caller\'s language', () => {
    const parsed = z.strictObject({ givenName: name }).safeParse({ givenName: 'Omar\u202Egnp.exe' });
    expect(parsed.success).toBe(false);
    const [issue] = fieldIssues('body', parsed.error!, 'fr');
    expect(issue).toMatchObject({ pointer: '/body/givenName', code: FORBIDDEN_CHARACTER });
    expect(issue!.detail).toContain('U+202E');
    expect(issue!.detail).toContain('position 5');
    expect(fieldIssues('body', parsed.error!, 'ar')[0]!.detail).toContain('حرف غير مرئي');
  });

  it('accepts ordinary names in both scripts, trimmed', () => {
    expect(name.parse('  عبد القادر ')).toBe('عبد القادر');
    expect(name.parse("M'hamed El-Ouazzani")).toBe("M'hamed El-Ouazzani");
  });
});
