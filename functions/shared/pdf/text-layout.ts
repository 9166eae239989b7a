// Lays out Arabic and Latin text on a PDF page: Unicode bidi order, Arabic joining and the fonts' glyph positions
// (marks, kerning), none of which pdf-lib does alone: it draws each string left to right at default advances.
import bidiModule, { type Bidi } from 'bidi-js';
import { beginText, endText, setFillingGrayscaleColor, setFontAndSize, setTextMatrix, showText, type PDFName, type PDFPage } from 'pdf-lib';
import type { EmbeddedFont, GlyphUse } from './embedded-font.ts';
import type { Script } from './fonts.ts';
import type { ShapedGlyphRecord } from './harfbuzz.ts';
import { lazyValue } from '../lazy-value.ts';

// bidi-js's types describe its ES build, whose default export is the factory; Node loads its CommonJS build, whose
// module.exports is the factory. Either way the default import is the factory, which the types miss under NodeNext.
const bidi = (bidiModule as unknown as () => Bidi)();

/** Where a word too wide for its line may be cut: between user-perceived characters, never inside one. */
const graphemes = lazyValue(() => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

export type Direction = 'ltr' | 'rtl';
/** A paragraph's direction: given, or `auto`, that of its first letter with a direction (Unicode's rule). */
export type BaseDirection = Direction | 'auto';

export type EmbeddedFonts = Readonly<Record<Script, EmbeddedFont>>;

export interface TextStyle {
  readonly fonts: EmbeddedFonts;
  readonly size: number;
  /** Fill colour, 0 black to 1 white. */
  readonly gray: number;
}

/** Text in one font and one direction, shaped: its glyphs left to right as they stand on the page. */
interface ShapedRun {
  readonly font: EmbeddedFont;
  /** Index of its first character in the paragraph, which places it on its line. */
  readonly start: number;
  readonly glyphs: readonly ShapedGlyph[];
  /** In points. */
  readonly width: number;
}

/** A glyph with its place in font units: pen advance and offset from the pen as the font's layout has them. */
interface ShapedGlyph extends GlyphUse {
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  /** The advance a PDF reader moves by after showing the glyph: its width in the font. */
  readonly defaultAdvance: number;
}

export interface ShapedLine {
  /** Left to right. */
  readonly runs: readonly ShapedRun[];
  /** In points. */
  readonly width: number;
}

interface Token {
  readonly start: number;
  readonly word: readonly ShapedRun[];
  readonly wordWidth: number;
  readonly wordEnd: number;
  readonly space: readonly ShapedRun[];
  readonly spaceWidth: number;
}

/** Breaks `text` into lines no wider than `maxWidth` points, at spaces and line feeds (inside a word only when it alone is too wide). */
export function layoutText(text: string, direction: BaseDirection, style: TextStyle, maxWidth: number): ShapedLine[] {
  return text.split('\n').flatMap((paragraph) => layoutParagraph(paragraph.replace(/^ +| +$/g, ''), direction, style, maxWidth));
}

function layoutParagraph(text: string, direction: BaseDirection, style: TextStyle, maxWidth: number): ShapedLine[] {
  if (text === '') return [{ runs: [], width: 0 }];
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const shaper = new ParagraphShaper(text, embedding.levels, style);

  const lines: Token[][] = [];
  let line: Token[] = [];
  let width = 0;
  for (const token of shaper.tokens(maxWidth)) {
    if (line.length > 0 && width + token.wordWidth > maxWidth) {
      lines.push(line);
      line = [];
      width = 0;
    }
    line.push(token);
    width += token.wordWidth + token.spaceWidth;
  }
  lines.push(line);

  return lines.map((tokens) => {
    const last = tokens[tokens.length - 1] as Token;
    // A line's trailing spaces are not drawn, so that alignment is on the last letter.
    const runs = tokens.flatMap((token) => (token === last ? token.word : [...token.word, ...token.space]));
    const visualOrder = bidi.getReorderedIndices(text, embedding, (tokens[0] as Token).start, last.wordEnd - 1);
    const visualPosition = new Map(visualOrder.map((index, position) => [index, position]));
    runs.sort((a, b) => (visualPosition.get(a.start) ?? 0) - (visualPosition.get(b.start) ?? 0));
    return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) };
  });
}

class ParagraphShaper {
  private readonly shown: string[];
  private readonly scripts: Script[];

  constructor(
    private readonly text: string,
    private readonly levels: Uint8Array,
    private readonly style: TextStyle,
  ) {
    const mirrored = bidi.getMirroredCharactersMap(text, levels);
    this.shown = new Array<string>(text.length).fill('');
    this.scripts = [];
    let index = 0;
    for (const character of text) {
      const shown = mirrored.get(index) ?? character;
      const script = this.scriptOf(shown, index);
      for (let unit = 0; unit < character.length; unit++) this.scripts[index + unit] = script;
      this.shown[index] = shown;
      index += character.length;
    }
  }

  /** A character goes to the font of its direction (right to left: Arabic) when that font has it, else to the other. */
  private scriptOf(character: string, index: number): Script {
    const previous = this.scripts[index - 1];
    // A combining mark stays in its base letter's font, where it can be positioned on it.
    if (previous && /^\p{M}/u.test(character)) return previous;
    const preferred: Script = (this.levels[index] ?? 0) % 2 === 1 ? 'arabic' : 'latin';
    const other: Script = preferred === 'arabic' ? 'latin' : 'arabic';
    const codePoint = character.codePointAt(0) ?? 0;
    const { fonts } = this.style;
    return fonts[preferred].face.shaper.hasGlyph(codePoint) || !fonts[other].face.shaper.hasGlyph(codePoint)
      ? preferred
      : other;
  }

  /** Words with their following spaces, a word too wide for a line cut into pieces that fit. */
  *tokens(maxWidth: number): Generator<Token> {
    // Only spaces break: a no-break space (before a French colon, inside an amount) belongs to its word.
    for (const match of this.text.matchAll(/([^ ]+)( *)/g)) {
      const start = match.index;
      const wordEnd = start + (match[1] as string).length;
      const end = wordEnd + (match[2] as string).length;
      const space = this.shape(wordEnd, end);
      const spaceWidth = totalWidth(space);
      const pieces = this.cut(start, wordEnd, maxWidth);
      for (const [index, piece] of pieces.entries()) {
        const last = index === pieces.length - 1;
        yield { ...piece, space: last ? space : [], spaceWidth: last ? spaceWidth : 0 };
      }
    }
  }

  private cut(start: number, end: number, maxWidth: number): Omit<Token, 'space' | 'spaceWidth'>[] {
    const whole = this.shape(start, end);
    if (totalWidth(whole) <= maxWidth) return [{ start, word: whole, wordWidth: totalWidth(whole), wordEnd: end }];
    const pieces: Omit<Token, 'space' | 'spaceWidth'>[] = [];
    let pieceStart = start;
    let fitting: ShapedRun[] = [];
    let fittingEnd = start;
    for (const { index, segment } of graphemes().segment(this.text.slice(start, end))) {
      const graphemeEnd = start + index + segment.length;
      const candidate = this.shape(pieceStart, graphemeEnd);
      if (totalWidth(candidate) > maxWidth && fittingEnd > pieceStart) {
        pieces.push({ start: pieceStart, word: fitting, wordWidth: totalWidth(fitting), wordEnd: fittingEnd });
        pieceStart = fittingEnd;
        fitting = this.shape(pieceStart, graphemeEnd);
      } else {
        fitting = candidate;
      }
      fittingEnd = graphemeEnd;
    }
    pieces.push({ start: pieceStart, word: fitting, wordWidth: totalWidth(fitting), wordEnd: fittingEnd });
    return pieces;
  }

  /** Shapes `[start, end)` as runs of one level and one font each. */
  private shape(start: number, end: number): ShapedRun[] {
    const runs: ShapedRun[] = [];
    let runStart = start;
    for (let index = start + 1; index <= end; index++) {
      if (index === end || this.levels[index] !== this.levels[runStart] || this.scripts[index] !== this.scripts[runStart]) {
        runs.push(this.shapeRun(runStart, index));
        runStart = index;
      }
    }
    return runs;
  }

  private shapeRun(start: number, end: number): ShapedRun {
    const font = this.style.fonts[this.scripts[start] as Script];
    const text = this.shown.slice(start, end).join('');
    const direction: Direction = (this.levels[start] ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
    const shaped = font.face.shaper.shape(text, direction);
    // A glyph stands for the characters from its cluster to the next cluster: HarfBuzz numbers clusters by their
    // first character, and keeps a ligature's letters in one. Of glyphs sharing a cluster, the first in reading
    // order carries its text.
    const starts = [...new Set(shaped.map((glyph) => glyph.cluster))].sort((a, b) => a - b);
    const clusterEnd = new Map(starts.map((cluster, index) => [cluster, starts[index + 1] ?? text.length]));
    const carried = new Set<number>();
    const readingOrder = direction === 'rtl' ? [...shaped.keys()].reverse() : [...shaped.keys()];
    const texts = new Map<number, string>();
    for (const index of readingOrder) {
      const { cluster } = shaped[index] as ShapedGlyphRecord;
      if (carried.has(cluster)) continue;
      carried.add(cluster);
      const letters = text.slice(cluster, clusterEnd.get(cluster));
      // Extractors read a right-to-left line from its visual end and reverse it, letters of ligatures included:
      // a ligature's letters are given back to front so that they come out in reading order.
      texts.set(index, direction === 'rtl' ? [...letters].reverse().join('') : letters);
    }
    const glyphs = shaped.map(({ id, xAdvance, xOffset, yOffset }, index): ShapedGlyph => ({
      id,
      text: texts.get(index) ?? '',
      xAdvance,
      xOffset,
      yOffset,
      defaultAdvance: font.face.program.advanceWidth(id),
    }));
    const scale = this.style.size / font.face.program.unitsPerEm;
    return { font, start, glyphs, width: glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) * scale };
  }
}

function totalWidth(runs: readonly ShapedRun[]): number {
  return runs.reduce((sum, run) => sum + run.width, 0);
}

const fontKeys = new WeakMap<PDFPage, Map<EmbeddedFont, PDFName>>();

function fontKey(page: PDFPage, font: EmbeddedFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) keys.set(font, (key = page.node.newFontDictionary('F', font.ref)));
  return key;
}

/**
 * Draws a line with its left end at `x` and its baseline at `y`. Glyphs that sit where the previous one's width puts
 * them share one text-showing operator; the others (marks, kerning) are placed one by one.
 */
export function drawLine(page: PDFPage, line: ShapedLine, x: number, y: number, style: TextStyle): void {
  if (line.runs.length === 0) return;
  const operators = [beginText(), setFillingGrayscaleColor(style.gray)];
  let penX = x;
  let currentFont: EmbeddedFont | undefined;
  for (const run of line.runs) {
    const scale = style.size / run.font.face.program.unitsPerEm;
    if (run.font !== currentFont) operators.push(setFontAndSize(fontKey(page, run.font), style.size));
    currentFont = run.font;
    let units = 0;
    let group: ShapedGlyph[] = [];
    for (const glyph of run.glyphs) {
      const glyphX = units + glyph.xOffset;
      const previous = group[group.length - 1];
      if (!previous || previous.yOffset !== glyph.yOffset || units - previous.xAdvance + previous.xOffset + previous.defaultAdvance !== glyphX) {
        if (previous) operators.push(showText(run.font.encode(group)));
        operators.push(setTextMatrix(1, 0, 0, 1, penX + glyphX * scale, y + glyph.yOffset * scale));
        group = [];
      }
      group.push(glyph);
      units += glyph.xAdvance;
    }
    operators.push(showText(run.font.encode(group)));
    penX += run.width;
  }
  operators.push(endText());
  page.pushOperators(...operators);
}
