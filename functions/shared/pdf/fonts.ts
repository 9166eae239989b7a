// The typeface of official documents: Vazirmatn (SIL Open Font License 1.1), Arabic with Roboto-based Latin, read
// from the @fontsource/vazirmatn npm package (Lambda has no system fonts) and parsed once per process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FONT_FILES, FONT_PACKAGE } from './font-files.ts';
import { FontProgram } from './font-program.ts';
import { createShaper, type Shaper } from './harfbuzz.ts';
import { woffToTrueType } from './true-type.ts';

export type Weight = keyof typeof FONT_FILES;
export type Script = keyof (typeof FONT_FILES)[Weight];

/** One font file: HarfBuzz shapes with it, its program gives metrics and the outlines of subsets. */
export interface Face {
  readonly shaper: Shaper;
  readonly program: FontProgram;
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
  return { shaper: await createShaper(bytes), program: new FontProgram(bytes) };
}
