// The PDF renderer as a Lambda function carries it: bundled with the deployed esbuild settings (aliases included),
// beside exactly the package files the service descriptions ship, run in a process of its own. Every document of
// ours is drawn by renderBilingualPdf; none reaches pdf-lib but through functions/shared/pdf.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildBuildOptions } from '../../lib/constructs/function-bundling.ts';
import { PDF_PACKAGE_FILES } from '../../functions/shared/pdf/font-files.ts';
import { decodeQrCode, extractText, pageOperators } from '../fixtures/pdf/pdf-reading.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAYLOAD = 'https://raqmana.ma/verification/RB-2026-000123';
// PNG's signature: pdf-lib hands the bytes to its PNG decoder.
const PNG = '[137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]';

const ENTRY = `
import { writeFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderBilingualPdf } from './functions/shared/pdf/bilingual-document.ts';
import { receipt } from './test/fixtures/pdf/receipt.ts';

const refusal = async (use) => {
  try {
    await use();
    return 'used';
  } catch (error) {
    return error.message;
  }
};
const bytes = await renderBilingualPdf({ ...receipt, qr: { payload: '${PAYLOAD}', caption: { fr: 'Vérifier', ar: 'التحقق' } } });
await writeFile(process.argv[2], bytes);
const pdf = await PDFDocument.create();
console.log(JSON.stringify({
  standardFont: await refusal(() => pdf.embedFont(StandardFonts.Helvetica)),
  png: await refusal(() => pdf.embedPng(new Uint8Array(${PNG}))),
}));
`;

describe('the PDF renderer, bundled as deployed', () => {
  let directory: string;
  let inputs: Metafile['inputs'];
  let refusals: { standardFont: string; png: string };
  let bytes: Uint8Array;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'raqmana-pdf-bundle-'));
    const bundle = join(directory, 'index.mjs');
    const { entryPoints: _entry, ...options } = esbuildBuildOptions('', bundle, ROOT);
    ({ inputs } = (await build({ ...options, stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' }, metafile: true })).metafile);
    for (const { package: name, files } of PDF_PACKAGE_FILES) {
      for (const file of files) {
        const to = join(directory, 'node_modules', name, file);
        mkdirSync(dirname(to), { recursive: true });
        cpSync(join(ROOT, 'node_modules', name, file), to);
      }
    }
    const output = join(directory, 'document.pdf');
    const { stdout } = await promisify(execFile)(process.execPath, [bundle, output], { cwd: directory });
    refusals = JSON.parse(stdout) as typeof refusals;
    bytes = readFileSync(output);
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('carries neither fontkit, the standard fonts, the PNG decoder, pako nor harfbuzzjs’s JavaScript', () => {
    const packages = Object.keys(inputs).filter((input) => /node_modules\/(@pdf-lib|pako|harfbuzzjs)\//.test(input));
    expect(packages).toEqual([]);
  });

  // pdf.js inflates every stream (fonts, ToUnicode maps, page contents) to read the text back.
  it('renders with the shipped package files alone: fonts and HarfBuzz read beside the bundle', async () => {
    const texts = (await extractText(bytes)).map((item) => item.text);
    expect(texts).toContain('Royaume du Maroc');
    expect(texts).toContain('تاريخ الإيداع');
    expect(decodeQrCode(await pageOperators(bytes, 0))).toBe(PAYLOAD);
  });

  it('refuses a standard font or a PNG image with a clear error', () => {
    expect(refusals.standardFont).toMatch(/^Standard PDF fonts are left out of the function bundles/);
    expect(refusals.png).toMatch(/^PNG decoding is left out of the function bundles/);
  });
});
