// Turns a WOFF 1.0 font into the plain TrueType it wraps, once per process: HarfBuzz reads no WOFF, and subsetting
// copies glyphs out of the inflated glyph table. Also writes the OpenType file of a subset's tables.
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_ENTRY_SIZE = 16;

/** The TrueType font a WOFF file holds. */
export function woffToTrueType(woff: Uint8Array): Uint8Array {
  const view = dataView(woff);
  if (view.getUint32(0) !== WOFF_SIGNATURE) throw new Error('Not a WOFF font');
  const tables = new Map<string, { readonly data: Uint8Array; readonly checksum: number }>();
  for (let index = 0; index < view.getUint16(12); index++) {
    const entry = WOFF_HEADER_SIZE + index * WOFF_ENTRY_SIZE;
    const tag = String.fromCharCode(...woff.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 4);
    const storedLength = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + storedLength);
    const data = storedLength < length ? new Uint8Array(inflateSync(stored)) : stored;
    tables.set(tag, { data, checksum: view.getUint32(entry + 16) });
  }
  return sfnt(view.getUint32(4), tables);
}

/** An OpenType file of `tables` (in their order, which must be sorted by tag as the WOFF directory is), each padded to four bytes. */
export function sfnt(flavor: number, tables: ReadonlyMap<string, { readonly data: Uint8Array; readonly checksum: number }>): Uint8Array {
  const count = tables.size;
  const headerSize = SFNT_HEADER_SIZE + count * SFNT_ENTRY_SIZE;
  const file = new Uint8Array([...tables.values()].reduce((sum, { data }) => sum + padded(data.length), headerSize));
  const view = dataView(file);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, flavor);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = headerSize;
  for (const [index, [tag, { data, checksum }]] of [...tables].entries()) {
    const entry = SFNT_HEADER_SIZE + index * SFNT_ENTRY_SIZE;
    for (let character = 0; character < 4; character++) view.setUint8(entry + character, tag.charCodeAt(character));
    file.set(data, offset);
    view.setUint32(entry + 4, checksum);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, data.length);
    offset += padded(data.length);
  }
  return file;
}

/** A length rounded up to the four-byte boundary OpenType tables are aligned on. */
export function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}

export function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
