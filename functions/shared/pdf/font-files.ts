// Which package files the PDF renderer reads, apart from the renderer itself: service descriptions name them as
// package files to ship, and importing this module must not load the font engine (a description is imported by
// the CDK app, the local platform and the OpenAPI function).
import type { PackageFiles } from '../service-description.ts';

export const FONT_PACKAGE = '@fontsource/vazirmatn';

// Vazirmatn shapes Arabic with one-to-one and ligature substitutions only, so every glyph keeps the letters it stands
// for in HarfBuzz's clusters, and a PDF text extractor gets the words back. Faces that split letters into a dotless
// body and separate dots (Noto Naskh/Sans Arabic), add letterless connecting strokes (Amiri) or decompose ح and ى
// (IBM Plex Sans Arabic) lose letters or gain spaces in the extracted text.
// WOFF rather than WOFF2: a WOFF glyph table is plain TrueType once inflated (zlib, in Node), which the subsetter
// copies glyphs out of; WOFF2 stores its glyph table transformed, which would have to be rebuilt first.
/** The package files the renderer reads, relative to the package: what a Lambda bundle has to carry. */
export const FONT_FILES = {
  regular: { arabic: 'files/vazirmatn-arabic-400-normal.woff', latin: 'files/vazirmatn-latin-400-normal.woff' },
  bold: { arabic: 'files/vazirmatn-arabic-700-normal.woff', latin: 'files/vazirmatn-latin-700-normal.woff' },
} as const;

/** HarfBuzz's WebAssembly build (MIT), which shapes the text; the package's JavaScript is not used (see harfbuzz.ts). */
export const HARFBUZZ_PACKAGE = 'harfbuzzjs';
export const HARFBUZZ_WASM = 'dist/harfbuzz.wasm';

/** What a function that renders PDFs ships beside its bundle (see `packageFiles` in the service description). */
export const PDF_PACKAGE_FILES: readonly PackageFiles[] = [
  { package: FONT_PACKAGE, files: ['package.json', 'LICENSE', ...Object.values(FONT_FILES).flatMap((weight) => Object.values(weight))] },
  { package: HARFBUZZ_PACKAGE, files: ['package.json', 'LICENSE', HARFBUZZ_WASM] },
];
