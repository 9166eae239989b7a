// The WOFF unwrapping the renderer does once per process gives fontkit the same font as the packaged file.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_PACKAGE } from '../../../functions/shared/pdf/font-files.ts';
import { woffToTrueType } from '../../../functions/shared/pdf/true-type.ts';

const files = Object.values(FONT_FILES).flatMap((weight) => Object.values(weight));

describe('woffToTrueType', () => {
  it.each(files)('unwraps %s into the same font', async (file) => {
    const woff = await readFile(fileURLToPath(import.meta.resolve(`${FONT_PACKAGE}/${file}`)));
    const wrapped = fontkit.create(woff);
    const unwrapped = fontkit.create(woffToTrueType(woff));
    expect(unwrapped.numGlyphs).toBe(wrapped.numGlyphs);
    const sample = file.includes('arabic') ? 'وصل إيداع طلب رخصة البناء' : 'Récépissé de dépôt';
    const shape = (font: typeof wrapped) => font.layout(sample).glyphs.map((glyph) => [glyph.id, glyph.path.toSVG()]);
    expect(shape(unwrapped)).toEqual(shape(wrapped));
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToTrueType(new Uint8Array(64))).toThrow('Not a WOFF font');
  });
});
