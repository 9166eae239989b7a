// Line layout of mixed Arabic and Latin text: bidi order, font choice per character, mark positions, wrapping.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedFont } from '../../../functions/shared/pdf/embedded-font.ts';
import { loadFonts } from '../../../functions/shared/pdf/fonts.ts';
import { layoutText, type BaseDirection, type ShapedLine, type TextStyle } from '../../../functions/shared/pdf/text-layout.ts';

let style: TextStyle;

beforeAll(async () => {
  const fonts = await loadFonts();
  const pdf = await PDFDocument.create();
  style = { fonts: { arabic: new EmbeddedFont(pdf, fonts.regular.arabic), latin: new EmbeddedFont(pdf, fonts.regular.latin) }, size: 10, gray: 0 };
});

/** The line's characters from left to right as drawn (mirrored brackets as their mirror images). */
function drawn(line: ShapedLine | undefined): string {
  return (line?.runs ?? []).flatMap((run) => run.glyphs.map((glyph) => glyph.text)).join('');
}

function single(text: string, direction: BaseDirection): ShapedLine | undefined {
  const lines = layoutText(text, direction, style, 1000);
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('layoutText', () => {
  it.each([
    ['an Arabic word, right to left', 'رقم', 'rtl', 'مقر'],
    ['a number in Arabic text, left to right within it', 'رقم 45', 'rtl', '45 مقر'],
    ['a decimal number', 'القانون رقم 12.90', 'rtl', '12.90 مقر نوناقلا'],
    ['Arabic-Indic digits, left to right though their script is Arabic', 'رقم ١٢٣', 'rtl', '١٢٣ مقر'],
    ['brackets around Arabic, mirrored', '(البقعة 7)', 'rtl', '(7 ةعقبلا)'],
    ['an Arabic name in French text', 'Commune de الرباط', 'ltr', 'Commune de طابرلا'],
    ['a value whose first letter is Arabic', 'عبد الرحمن 2', 'auto', '2 نمحرلا دبع'],
    ['a value whose first letter is Latin', 'AB-12 حي', 'auto', 'AB-12 يح'],
  ] as const)('orders %s', (_, text, direction, expected) => {
    expect(drawn(single(text, direction))).toBe(expected);
  });

  it('keeps no-break spaces within their word', () => {
    const text = 'Montant\u00a0: 1\u202f250,00\u00a0MAD';
    expect(drawn(single(text, 'ltr'))).toBe(text);
    expect(layoutText(text, 'ltr', style, 80).map(drawn)).toEqual(['Montant\u00a0:', '1\u202f250,00\u00a0MAD']);
  });

  it('draws Arabic letters with the Arabic font and digits with the Latin one', () => {
    const runs = single('رقم 45', 'rtl')?.runs ?? [];
    const fontName = (font: unknown) => (font === style.fonts.arabic ? 'arabic' : 'latin');
    expect(runs.map((run) => [run.glyphs.map((glyph) => glyph.text).join(''), fontName(run.font)])).toEqual([
      ['45', 'latin'],
      [' ', 'arabic'],
      ['مقر', 'arabic'],
    ]);
  });

  it('places vowel marks with the offsets the font gives them', () => {
    const glyphs = single('مُحَمَّد', 'rtl')?.runs.flatMap((run) => run.glyphs) ?? [];
    const marks = glyphs.filter((glyph) => /\p{M}/u.test(glyph.text));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((mark) => mark.xOffset !== 0 || mark.yOffset !== 0)).toBe(true);
  });

  it('wraps Arabic at spaces, no line wider than asked, no word lost', () => {
    const text = Array(12).fill('يشهد هذا الوصل بإيداع الملف الكامل لدى الشباك الوحيد للجماعة').join(' ');
    const lines = layoutText(text, 'rtl', style, 120);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    // Read from the right, a line gives back its words in order.
    expect(lines.map((line) => [...drawn(line)].reverse().join('')).join(' ')).toBe(text);
  });

  it('cuts a word wider than the line, and breaks at line feeds', () => {
    const lines = layoutText(`${'x'.repeat(120)}\nfin`, 'ltr', style, 100);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    expect(lines.map(drawn).join('')).toBe(`${'x'.repeat(120)}fin`);
    expect(drawn(lines[lines.length - 1])).toBe('fin');
  });
});
