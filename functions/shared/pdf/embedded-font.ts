// Embeds a TrueType font in a PDF as a subset of the glyphs drawn, with a ToUnicode map that gives text extractors
// the letters each glyph stands for. Written here rather than left to pdf-lib's embedder, which shapes every string
// again by itself and maps a ligature to its letters in reading order, which extractors reverse in Arabic (لإ → إل).
import { createHash } from 'node:crypto';
import { PDFHexString, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Face } from './fonts.ts';

/** A glyph to draw: its id in the font and the text it stands for, in the order an extractor reads the glyphs. */
export interface GlyphUse {
  readonly id: number;
  readonly text: string;
}

/** FontDescriptor flag: glyphs outside the standard Latin set, as any CID font has. */
const SYMBOLIC = 4;
/** The PDF specification's limit of entries in one `beginbfchar` block. */
const CMAP_BLOCK = 100;

export class EmbeddedFont {
  /** The font dictionary, written by `write`. */
  readonly ref: PDFRef;
  /** By code, which is the glyph's id (CIDToGIDMap Identity): its text, from its first use, in the order of first uses. */
  private readonly glyphs = new Map<number, string>();

  constructor(
    private readonly pdf: PDFDocument,
    readonly face: Face,
  ) {
    this.ref = pdf.context.nextRef();
  }

  /** The codes that show `glyphs` with this font. */
  encode(glyphs: readonly GlyphUse[]): PDFHexString {
    const codes = glyphs.map(({ id, text }) => {
      if (!this.glyphs.has(id)) this.glyphs.set(id, text);
      return hex(id);
    });
    return PDFHexString.of(codes.join(''));
  }

  /** Writes the font objects: once, after the last `encode`. */
  write(): void {
    const { context } = this.pdf;
    const font = this.face.program;
    const baseFont = `${this.subsetTag()}+${font.postscriptName ?? 'Font'}`;
    const scale = 1000 / font.unitsPerEm;
    const { bbox } = font;
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: SYMBOLIC,
        FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => Math.round(value * scale)),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        // Required, and no font table holds it; readers only use it to synthesise a substitute font.
        StemV: 0,
        FontFile2: context.register(context.flateStream(font.subset(this.glyphs.keys()))),
      }),
    );
    const codes = [...this.glyphs.keys()].sort((a, b) => a - b);
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        CIDToGIDMap: 'Identity',
        // Unrounded, so that the glyphs shown in one go land where the layout put them.
        W: codes.flatMap((code) => [code, [font.advanceWidth(code) * scale]]),
      }),
    );
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(codes.map((code) => [code, this.glyphs.get(code) ?? '']))));
    context.assign(
      this.ref,
      context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
    );
  }

  /**
   * Six capitals that name this subset apart from other subsets of the font, derived from its glyphs: readers may
   * cache fonts by name across documents, and equal documents must still give equal bytes.
   */
  private subsetTag(): string {
    const hash = createHash('sha256');
    for (const [code, text] of this.glyphs) hash.update(`${code}:${text}\n`);
    return [...hash.digest().subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
  }
}

/** Maps each code to its text; glyphs that stand for no text (marks split off a letter) are left out. */
function toUnicodeCMap(entries: readonly (readonly [number, string])[]): string {
  const mapped = entries.filter(([, text]) => text !== '');
  const blocks: string[] = [];
  for (let start = 0; start < mapped.length; start += CMAP_BLOCK) {
    const block = mapped.slice(start, start + CMAP_BLOCK);
    const lines = block.map(([code, text]) => `<${hex(code)}> <${utf16Hex(text)}>`);
    blocks.push(`${block.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function utf16Hex(text: string): string {
  let digits = '';
  for (let index = 0; index < text.length; index++) digits += hex(text.charCodeAt(index));
  return digits;
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
