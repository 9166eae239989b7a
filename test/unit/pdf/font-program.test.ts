// The TrueType reading and subsetting behind the embedded fonts, checked with HarfBuzz's own reader (the harfbuzzjs
// package's JavaScript module, which the renderer does not use) rather than with the code under test.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_PACKAGE } from '../../../functions/shared/pdf/font-files.ts';
import { FontProgram } from '../../../functions/shared/pdf/font-program.ts';
import { woffToTrueType } from '../../../functions/shared/pdf/true-type.ts';

const SAMPLE = 'وصل إيداع طلب رخصة البناء لدى الشباك مُحَمَّد';

function reader(file: Uint8Array): hb.Font {
  return new hb.Font(new hb.Face(new hb.Blob(file)));
}

function shapedIds(font: hb.Font, text: string): number[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphInfos().map((info) => info.codepoint);
}

/** OpenType's checksum of a whole file, which `head.checkSumAdjustment` brings to 0xB1B0AFBA. */
function fileChecksum(file: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(file.length / 4) * 4);
  padded.set(file);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

describe('FontProgram', () => {
  let file: Uint8Array;
  let program: FontProgram;
  let original: hb.Font;

  beforeAll(async () => {
    file = woffToTrueType(await readFile(fileURLToPath(import.meta.resolve(`${FONT_PACKAGE}/${FONT_FILES.regular.arabic}`))));
    program = new FontProgram(file);
    original = reader(file);
  });

  it('reads the metrics a font descriptor and the widths need', () => {
    expect(program.unitsPerEm).toBe(original.face.upem);
    expect(program.postscriptName).toBe('Vazirmatn-Regular');
    expect(program.ascent).toBeGreaterThan(0);
    expect(program.descent).toBeLessThan(0);
    expect(program.bbox.minY).toBeLessThan(0);
    expect(program.bbox.maxX).toBeGreaterThan(0);
    expect(program.italicAngle).toBe(0);
    for (let id = 0; id < program.numGlyphs; id++) expect(program.advanceWidth(id), `glyph ${id}`).toBe(original.glyphHAdvance(id));
  });

  it('keeps every glyph id, with the outlines and advances of the glyphs drawn and nothing of the others', () => {
    const drawn = new Set(shapedIds(original, SAMPLE));
    const subset = reader(program.subset(drawn));
    for (let id = 0; id < program.numGlyphs; id++) {
      if (drawn.has(id)) {
        expect(subset.glyphToPath(id), `glyph ${id}`).toBe(original.glyphToPath(id));
        expect(subset.glyphHAdvance(id), `glyph ${id}`).toBe(original.glyphHAdvance(id));
      }
    }
    const kept = [...Array(program.numGlyphs).keys()].filter((id) => subset.glyphToPath(id) !== '');
    expect(kept.length).toBeLessThan(drawn.size + 10);
    // The glyph a reader shows for a missing one.
    expect(subset.glyphToPath(0)).toBe(original.glyphToPath(0));
  });

  it('keeps the parts of composite glyphs', () => {
    let composites = 0;
    for (let id = 1; id < program.numGlyphs; id++) {
      const subset = reader(program.subset([id]));
      expect(subset.glyphToPath(id), `glyph ${id}`).toBe(original.glyphToPath(id));
      // A glyph whose subset draws more than itself and glyph 0 is made of others.
      const drawing = [...Array(program.numGlyphs).keys()].filter((other) => subset.glyphToPath(other) !== '');
      if (drawing.length > 2) composites++;
    }
    expect(composites).toBeGreaterThan(0);
  });

  it('writes a valid file: tables a reader needs, whole-file checksum, much smaller than the font', () => {
    const subset = program.subset(shapedIds(original, SAMPLE));
    expect(fileChecksum(subset)).toBe(0xb1b0afba);
    const face = new hb.Face(new hb.Blob(subset));
    for (const tag of ['head', 'hhea', 'hmtx', 'loca', 'glyf', 'maxp']) expect(face.referenceTable(tag)?.length, tag).toBeGreaterThan(0);
    // Layout tables stay out: the PDF's glyphs are already shaped.
    for (const tag of ['GSUB', 'GPOS', 'GDEF', 'cmap']) expect(face.referenceTable(tag)?.length ?? 0, tag).toBe(0);
    expect(subset.length).toBeLessThan(file.length / 4);
  });

  it('refuses a file that is not TrueType', () => {
    expect(() => new FontProgram(new Uint8Array(64))).toThrow('Not a TrueType font');
  });
});
