// The WOFF unwrapping the renderer does once per process gives back the very tables of the packaged font.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_PACKAGE } from '../../../functions/shared/pdf/font-files.ts';
import { woffToTrueType } from '../../../functions/shared/pdf/true-type.ts';

const files = Object.values(FONT_FILES).flatMap((weight) => Object.values(weight));

/** The checksum the WOFF directory records for each table: that of the original table (`head`'s with checkSumAdjustment zero). */
function recordedChecksums(woff: Uint8Array): Map<string, number> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const checksums = new Map<string, number>();
  for (let index = 0; index < view.getUint16(12); index++) {
    const entry = 44 + 20 * index;
    checksums.set(String.fromCharCode(...woff.subarray(entry, entry + 4)), view.getUint32(entry + 16));
  }
  return checksums;
}

function tableChecksum(data: Uint8Array, tag: string): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const view = new DataView(padded.buffer);
  if (tag === 'head') view.setUint32(8, 0);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

describe('woffToTrueType', () => {
  it.each(files)('unwraps %s into the same font', async (file) => {
    const woff = await readFile(fileURLToPath(import.meta.resolve(`${FONT_PACKAGE}/${file}`)));
    const unwrapped = woffToTrueType(woff);
    const face = new hb.Face(new hb.Blob(unwrapped));
    const recorded = recordedChecksums(woff);
    expect(recorded.size).toBeGreaterThan(8);
    for (const [tag, checksum] of recorded) {
      const table = face.referenceTable(tag);
      expect(table, tag).toBeDefined();
      expect(tableChecksum(table as Uint8Array, tag), tag).toBe(checksum);
    }
    // And HarfBuzz draws the sample with it, no letter missing.
    const font = new hb.Font(face);
    const buffer = new hb.Buffer();
    buffer.addText(file.includes('arabic') ? 'وصل إيداع طلب رخصة البناء' : 'Récépissé de dépôt');
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    for (const { codepoint } of buffer.getGlyphInfos()) expect(codepoint).not.toBe(0);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToTrueType(new Uint8Array(64))).toThrow('Not a WOFF font');
  });
});
