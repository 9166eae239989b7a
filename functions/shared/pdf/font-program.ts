// A TrueType font as a PDF embeds it: the metrics its font descriptor and widths need, and subsets holding only the
// outlines a document draws. A subset keeps every glyph id (the PDF's codes are glyph ids, CIDToGIDMap Identity),
// with empty outlines for the glyphs not drawn, and only the tables a PDF reader renders with.
import { dataView, padded, sfnt } from './true-type.ts';

/** What a reader renders a glyph with (outlines, their index, metrics and hinting): the layout tables are not needed. */
const SUBSET_TABLES = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;
const REQUIRED_TABLES = ['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp'] as const;

// Composite glyph flags (OpenType `glyf` table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** OpenType's whole-file checksum target, from which `head.checkSumAdjustment` is derived. */
const CHECKSUM_MAGIC = 0xb1b0afba;
const POSTSCRIPT_NAME_ID = 6;

export interface BoundingBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export class FontProgram {
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly bbox: BoundingBox;
  /** Degrees counter-clockwise from the vertical (`post`). */
  readonly italicAngle: number;
  /** Above and below the baseline (`hhea`), descent negative. */
  readonly ascent: number;
  readonly descent: number;
  /** Height of capitals (`OS/2` version 2 and later), 0 when the font does not say. */
  readonly capHeight: number;
  readonly postscriptName: string | undefined;
  private readonly tables: ReadonlyMap<string, Uint8Array>;
  private readonly advances: Uint16Array;
  private readonly sideBearings: Int16Array;
  /** Start of each glyph in `glyf`, and the end of the last one. */
  private readonly offsets: Uint32Array;

  constructor(file: Uint8Array) {
    this.tables = readTables(file);
    const table = (tag: string) => dataView(this.table(tag));
    const head = table('head');
    this.unitsPerEm = head.getUint16(18);
    this.bbox = { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) };
    this.numGlyphs = table('maxp').getUint16(4);
    const hhea = table('hhea');
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    const post = this.tables.get('post');
    this.italicAngle = post ? dataView(post).getInt32(4) / 65_536 : 0;
    const os2 = this.tables.get('OS/2');
    this.capHeight = os2 && dataView(os2).getUint16(0) >= 2 ? dataView(os2).getInt16(88) : 0;
    this.postscriptName = this.tables.has('name') ? postscriptName(this.table('name')) : undefined;

    const hmtx = table('hmtx');
    const metrics = hhea.getUint16(34);
    this.advances = new Uint16Array(this.numGlyphs);
    this.sideBearings = new Int16Array(this.numGlyphs);
    for (let id = 0; id < this.numGlyphs; id++) {
      // Glyphs after the last full metric share its advance and have their side bearing alone.
      this.advances[id] = hmtx.getUint16(4 * Math.min(id, metrics - 1));
      this.sideBearings[id] = id < metrics ? hmtx.getInt16(4 * id + 2) : hmtx.getInt16(4 * metrics + 2 * (id - metrics));
    }
    const loca = table('loca');
    const long = head.getInt16(50) === 1;
    this.offsets = new Uint32Array(this.numGlyphs + 1);
    for (let id = 0; id <= this.numGlyphs; id++) this.offsets[id] = long ? loca.getUint32(4 * id) : 2 * loca.getUint16(2 * id);
  }

  /** Pen advance of glyph `id` in font units. */
  advanceWidth(id: number): number {
    return this.advances[id] ?? 0;
  }

  /** The TrueType file of a subset drawing `ids`; glyph 0 (shown for missing glyphs) and composite glyphs' parts included. */
  subset(ids: Iterable<number>): Uint8Array {
    const kept = new Set<number>();
    const keep = (id: number) => {
      if (id >= this.numGlyphs || kept.has(id)) return;
      kept.add(id);
      for (const component of this.components(id)) keep(component);
    };
    keep(0);
    for (const id of ids) keep(id);

    const glyf = this.table('glyf');
    const glyphs: Uint8Array[] = [];
    const loca = new Uint8Array(4 * (this.numGlyphs + 1));
    const hmtx = new Uint8Array(4 * this.numGlyphs);
    let end = 0;
    for (let id = 0; id < this.numGlyphs; id++) {
      dataView(loca).setUint32(4 * id, end);
      if (!kept.has(id)) continue;
      const outline = glyf.subarray(this.offsets[id], this.offsets[id + 1]);
      glyphs.push(outline);
      end += padded(outline.length);
      // Only drawn glyphs keep their metrics: readers take widths from the PDF, and zeros compress to nothing.
      dataView(hmtx).setUint16(4 * id, this.advanceWidth(id));
      dataView(hmtx).setInt16(4 * id + 2, this.sideBearings[id] ?? 0);
    }
    dataView(loca).setUint32(4 * this.numGlyphs, end);
    const glyfOut = new Uint8Array(end);
    let offset = 0;
    for (const outline of glyphs) {
      glyfOut.set(outline, offset);
      offset += padded(outline.length);
    }

    const head = this.table('head').slice();
    dataView(head).setUint32(8, 0); // checkSumAdjustment, set once the whole file is written
    dataView(head).setInt16(50, 1); // indexToLocFormat: 32-bit offsets
    const hhea = this.table('hhea').slice();
    dataView(hhea).setUint16(34, this.numGlyphs); // numberOfHMetrics: one full metric per glyph
    const replaced = new Map<string, Uint8Array>([
      ['glyf', glyfOut],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
    ]);
    const tables = new Map<string, { readonly data: Uint8Array; readonly checksum: number }>();
    for (const tag of SUBSET_TABLES) {
      const data = replaced.get(tag) ?? this.tables.get(tag);
      if (data) tables.set(tag, { data, checksum: checksum(data) });
    }
    const file = sfnt(0x00010000, tables);
    const headOffset = tableOffset(file, 'head');
    dataView(file).setUint32(headOffset + 8, (CHECKSUM_MAGIC - checksum(file)) >>> 0);
    return file;
  }

  /** The glyphs a composite glyph is made of (none for a simple one). */
  private components(id: number): number[] {
    const start = this.offsets[id] ?? 0;
    if ((this.offsets[id + 1] ?? 0) - start < 10) return [];
    const glyf = dataView(this.table('glyf'));
    if (glyf.getInt16(start) >= 0) return [];
    const components: number[] = [];
    let position = start + 10;
    for (;;) {
      const flags = glyf.getUint16(position);
      components.push(glyf.getUint16(position + 2));
      position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) position += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
      if (!(flags & MORE_COMPONENTS)) return components;
    }
  }

  private table(tag: string): Uint8Array {
    const data = this.tables.get(tag);
    if (!data) throw new Error(`The font has no ${tag} table`);
    return data;
  }
}

function readTables(file: Uint8Array): Map<string, Uint8Array> {
  const header = dataView(file);
  if (header.getUint32(0) !== 0x00010000) throw new Error('Not a TrueType font');
  const tables = new Map<string, Uint8Array>();
  for (let index = 0; index < header.getUint16(4); index++) {
    const entry = 12 + 16 * index;
    const offset = header.getUint32(entry + 8);
    tables.set(tagAt(file, entry), file.subarray(offset, offset + header.getUint32(entry + 12)));
  }
  for (const tag of REQUIRED_TABLES) if (!tables.has(tag)) throw new Error(`The font has no ${tag} table`);
  return tables;
}

function tableOffset(file: Uint8Array, tag: string): number {
  for (let index = 0; index < dataView(file).getUint16(4); index++) {
    const entry = 12 + 16 * index;
    if (tagAt(file, entry) === tag) return dataView(file).getUint32(entry + 8);
  }
  throw new Error(`No ${tag} table`);
}

/** The PostScript name (name id 6) of the Windows Unicode (UTF-16) or Macintosh Roman (ASCII for this id) record. */
function postscriptName(name: Uint8Array): string | undefined {
  const table = dataView(name);
  const strings = table.getUint16(4);
  for (let index = 0; index < table.getUint16(2); index++) {
    const record = 6 + 12 * index;
    if (table.getUint16(record + 6) !== POSTSCRIPT_NAME_ID) continue;
    const platform = table.getUint16(record);
    const bytes = name.subarray(strings + table.getUint16(record + 10), strings + table.getUint16(record + 10) + table.getUint16(record + 8));
    if (platform === 3) return String.fromCharCode(...Array.from({ length: bytes.length / 2 }, (_, unit) => dataView(bytes).getUint16(2 * unit)));
    if (platform === 1) return String.fromCharCode(...bytes);
  }
  return undefined;
}

/** OpenType's table checksum: the sum of its big-endian 32-bit words, the last one padded with zeros. */
function checksum(data: Uint8Array): number {
  const padding = new Uint8Array(padded(data.length));
  padding.set(data);
  const words = dataView(padding);
  let sum = 0;
  for (let offset = 0; offset < padding.length; offset += 4) sum = (sum + words.getUint32(offset)) >>> 0;
  return sum;
}

function tagAt(file: Uint8Array, offset: number): string {
  return String.fromCharCode(...file.subarray(offset, offset + 4));
}
