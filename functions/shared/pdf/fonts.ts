// The typeface of official documents: Vazirmatn (SIL Open Font License 1.1), Arabic with Roboto-based Latin, read
// from the @fontsource/vazirmatn npm package (Lambda has no system fonts) and parsed once per process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { FONT_FILES, FONT_PACKAGE } from './font-files.ts';
import { woffToTrueType } from './true-type.ts';

export type Weight = keyof typeof FONT_FILES;
export type Script = keyof (typeof FONT_FILES)[Weight];

/**
 * One font file parsed twice. fontkit keeps each glyph object with the letters of its first request, and its
 * subsetter requests the parts of composite glyphs with no letters: sharing the subsetter's parse, the shaper would
 * from then on hand out such glyphs without their letters (ى, a part of ي, would vanish from extracted text).
 */
export interface Face {
  /** Shapes text: only ever asked for glyphs by letters. */
  readonly layout: Font;
  /** Gives metrics and the outlines of subsets. */
  readonly program: Font;
}

export type FontSet = Readonly<Record<Weight, Readonly<Record<Script, Face>>>>;

let loading: Promise<FontSet> | undefined;

/** The fonts, read and parsed on first use; a failed read is retried by the next call. */
export function loadFonts(): Promise<FontSet> {
  loading ??= readFonts().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readFonts(): Promise<FontSet> {
  const readWeight = async (files: Readonly<Record<Script, string>>) => {
    const [arabic, latin] = await Promise.all([readFont(files.arabic), readFont(files.latin)]);
    return { arabic, latin };
  };
  const [regular, bold] = await Promise.all([readWeight(FONT_FILES.regular), readWeight(FONT_FILES.bold)]);
  return { regular, bold };
}

async function readFont(file: string): Promise<Face> {
  // Resolved like a module: the package in node_modules locally, its copy beside the Lambda bundle once deployed.
  const bytes = woffToTrueType(await readFile(fileURLToPath(import.meta.resolve(`${FONT_PACKAGE}/${file}`))));
  return { layout: fontkit.create(bytes), program: fontkit.create(bytes) };
}
