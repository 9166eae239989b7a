// The bilingual PDF as its readers get it: text extracted by pdf.js in both scripts, metadata, fonts, wrapping, QR code.
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBilingualPdf, type BilingualDocument } from '../../../functions/shared/pdf/bilingual-document.ts';
import { decodeQrCode, embeddedFonts, extractText, loadPdf, pageOperators, rectangles, type TextItem } from '../../fixtures/pdf/pdf-reading.ts';
import { receipt } from '../../fixtures/pdf/receipt.ts';

const A4 = { width: 595.28, height: 841.89 };
const SIDE_MARGIN = 56;
/** Above the page footer (reference and page number). */
const FOOTER_TOP = 50;
/** Arabic presentation forms: what a renderer that shapes by substituting characters would leave in the text. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;

describe('renderBilingualPdf', () => {
  let bytes: Uint8Array;
  let items: TextItem[];

  beforeAll(async () => {
    bytes = await renderBilingualPdf(receipt);
    items = await extractText(bytes);
  });

  const texts = (direction: string) => items.filter((item) => item.direction === direction).map((item) => item.text);
  const item = (text: string) => {
    const found = items.find((candidate) => candidate.text === text);
    if (!found) throw new Error(`No text item "${text}" in ${JSON.stringify(items.map((candidate) => candidate.text))}`);
    return found;
  };

  it('is a single A4 page', async () => {
    const pdf = await loadPdf(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual(A4);
  });

  it('gives a text extractor the French text', () => {
    const french = texts('ltr').join('\n');
    for (const expected of [
      'Royaume du Maroc',
      'Récépissé de dépôt d’une demande de permis de construire',
      'Mohammed El Alaoui',
      'AB123456',
      'RB-2026-000123',
      'Conformément à l’article 48 de la loi n° 12-90',
    ]) {
      expect(french).toContain(expected);
    }
  });

  // pdf.js gathers a line's glyphs in drawing order (left to right) and turns an item it finds right-to-left back
  // into reading order; the ToUnicode maps give the letters themselves, not presentation forms.
  it('gives a text extractor the Arabic in reading order, as letters', () => {
    const arabic = texts('rtl');
    for (const expected of [
      'المملكة المغربية',
      'جماعة الرباط',
      'وصل إيداع طلب رخصة البناء',
      'محمد العلوي',
      'رقم البطاقة الوطنية',
      // لإ is one ligature glyph, whose two letters must come out in this order.
      'تاريخ الإيداع',
    ]) {
      expect(arabic).toContain(expected);
    }
    expect(arabic.join(' ')).not.toMatch(PRESENTATION_FORMS);
  });

  // ى is drawn as a part of ي: once a subset has embedded ي, a shaper sharing the subsetter's glyph cache would have
  // handed ى out without its letter.
  it('still gives a text extractor ى after a document that embedded ي', async () => {
    const later = await renderBilingualPdf({ ...receipt, notes: [{ fr: 'Auprès du guichet.', ar: 'لدى الشباك' }] });
    expect((await extractText(later)).map((extracted) => extracted.text)).toContain('لدى الشباك');
  });

  it('sets French on the left, Arabic on the right, and a number before the word it counts in Arabic', () => {
    expect(item('Référence').x).toBeLessThan(A4.width / 2);
    expect(item('المرجع').x).toBeGreaterThan(A4.width / 2);
    const arabicDuration = item('يوما');
    const count = items.find((candidate) => candidate.text === '60' && Math.abs(candidate.y - arabicDuration.y) < 1);
    // Read from the right: "60" first.
    expect(count?.x).toBeGreaterThan(arabicDuration.x);
  });

  it('prints the issue date as the date in Morocco', () => {
    expect(texts('ltr')).toContain('16/06/2026');
  });

  it('joins Arabic letters: the same letter is drawn with different glyphs by its place in the word', async () => {
    const [arabic] = (await embeddedFonts(bytes)).filter((font) => font.baseFont.endsWith('+Vazirmatn-Regular'));
    const glyphsFor = (letter: string) => [...(arabic?.textByCode.values() ?? [])].filter((text) => text === letter).length;
    // Initial, medial and final forms, e.g. in الطلب, الداخلية and أجل.
    expect(glyphsFor('ل')).toBeGreaterThanOrEqual(3);
    expect(glyphsFor('م')).toBeGreaterThanOrEqual(2);
  });

  it('embeds font subsets whose every glyph outline reads back', async () => {
    const fonts = await embeddedFonts(bytes);
    expect(fonts.map((font) => font.baseFont.replace(/^\/[A-Z]{6}\+/, '')).sort()).toEqual([
      'Vazirmatn-Bold',
      'Vazirmatn-Bold',
      'Vazirmatn-Regular',
      'Vazirmatn-Regular',
    ]);
    expect(new Set(fonts.map((font) => font.baseFont)).size).toBe(4);
    for (const { program, textByCode } of fonts) {
      // Read by HarfBuzz's own reader, not the renderer's; codes are glyph ids (CIDToGIDMap Identity).
      const font = new hb.Font(new hb.Face(new hb.Blob(program)));
      for (const [code, text] of textByCode) if (text.trim()) expect(font.glyphToPath(code), text).not.toBe('');
    }
  });

  it('gives the same bytes for the same document, and other bytes for another', async () => {
    expect(await renderBilingualPdf(receipt)).toEqual(bytes);
    expect(await renderBilingualPdf({ ...receipt, reference: 'RB-2026-000124' })).not.toEqual(bytes);
  });

  it('puts the title, the reference and the issue instant in the metadata', async () => {
    const pdf = await loadPdf(bytes);
    expect(pdf.getTitle()).toBe('Récépissé de dépôt d’une demande de permis de construire — وصل إيداع طلب رخصة البناء');
    expect(pdf.getSubject()).toBe('RB-2026-000123');
    expect(pdf.getKeywords()).toBe('RB-2026-000123');
    expect(pdf.getCreationDate()?.toISOString()).toBe(receipt.issuedAt);
    expect(pdf.getModificationDate()?.toISOString()).toBe(receipt.issuedAt);
  });

  it('refuses an issue instant that is not one', async () => {
    await expect(renderBilingualPdf({ ...receipt, issuedAt: 'last Tuesday' })).rejects.toThrow(RangeError);
  });
});

describe('renderBilingualPdf with long notes', () => {
  const frenchNote = 'Le présent récépissé atteste le dépôt du dossier complet auprès du guichet unique de la commune. '.repeat(40).trim();
  // Arabic commas rather than full stops: a full stop is drawn from the Latin font, and pdf.js then splits the line
  // into items it lists left to right.
  const arabicNote = Array(40).fill('يشهد هذا الوصل بإيداع الملف الكامل لدى الشباك الوحيد للجماعة').join('، ');
  const document: BilingualDocument = { ...receipt, notes: [{ fr: frenchNote, ar: arabicNote }] };
  let items: TextItem[];

  beforeAll(async () => {
    items = await extractText(await renderBilingualPdf(document));
  });

  it('wraps them within the side margins and continues on the next pages', () => {
    for (const { text, x, y, width } of items) {
      expect(x, text).toBeGreaterThanOrEqual(SIDE_MARGIN - 0.5);
      expect(x + width, text).toBeLessThanOrEqual(A4.width - SIDE_MARGIN + 0.5);
      expect(y, text).toBeGreaterThan(0);
      expect(y, text).toBeLessThan(A4.height);
    }
    expect(Math.max(...items.map((item) => item.page))).toBeGreaterThan(1);
  });

  it('loses no word in the wrapping', () => {
    const first = items.find((item) => item.text.startsWith('Le présent récépissé'));
    if (!first) throw new Error('The note is missing');
    const inNote = (item: TextItem) =>
      item.y > FOOTER_TOP && (item.page > first.page || (item.page === first.page && item.y <= first.y + 0.5));
    const column = (left: boolean) =>
      items
        .filter((item) => inNote(item) && item.x < A4.width / 2 === left)
        .map((item) => item.text)
        .join(' ');
    expect(column(true)).toBe(frenchNote);
    expect(column(false)).toBe(arabicNote);
  });
});

describe('renderBilingualPdf with a QR code', () => {
  const payload = 'https://raqmana.ma/verification/RB-2026-000123?langue=français';

  it('draws a QR code that decodes to the payload', async () => {
    const bytes = await renderBilingualPdf({ ...receipt, qr: { payload, caption: { fr: 'Vérifier ce document', ar: 'التحقق من هذه الوثيقة' } } });
    expect(decodeQrCode(await pageOperators(bytes, 0))).toBe(payload);
    const captions = (await extractText(bytes)).map((item) => item.text);
    expect(captions).toContain('Vérifier ce document');
    expect(captions).toContain('التحقق من هذه الوثيقة');
  });

  it('draws none when none is asked for', async () => {
    expect(rectangles(await pageOperators(await renderBilingualPdf(receipt), 0))).toEqual([]);
  });
});
