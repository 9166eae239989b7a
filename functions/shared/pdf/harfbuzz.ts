// Text shaping with HarfBuzz: the official WebAssembly build of the harfbuzzjs package, called through the few
// functions of HarfBuzz's C interface we need. Not through the package's JavaScript module: that module instantiates
// the wasm at import (every cold start of a function carrying the renderer would pay for it, whether or not its
// first event renders) and looks for the file beside the importing script, which once bundled is our bundle. The .wasm file is read from the
// package at run time, once per process, on the first render (its copy beside the Lambda bundle once deployed, as
// the font files: see PDF_PACKAGE_FILES).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { HARFBUZZ_PACKAGE, HARFBUZZ_WASM } from './font-files.ts';

// The WebAssembly global as used here: the ES2023 library's types leave it out (it comes with the DOM's).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const { WebAssembly: wasm } = globalThis as unknown as {
  readonly WebAssembly: { instantiate(file: Uint8Array, imports: object): Promise<{ readonly instance: { readonly exports: object } }> };
};

/** The C functions used (HarfBuzz's public interface), plus the C library's allocator. */
interface HarfBuzzExports {
  readonly memory: WasmMemory;
  readonly __wasm_call_ctors: () => void;
  readonly malloc: (size: number) => number;
  readonly free: (pointer: number) => void;
  readonly hb_blob_create: (data: number, length: number, mode: number, userData: number, destroy: number) => number;
  readonly hb_face_create: (blob: number, index: number) => number;
  readonly hb_font_create: (face: number) => number;
  readonly hb_font_get_nominal_glyph: (font: number, codePoint: number, glyph: number) => number;
  readonly hb_buffer_create: () => number;
  readonly hb_buffer_destroy: (buffer: number) => void;
  readonly hb_buffer_add_utf16: (buffer: number, text: number, length: number, itemOffset: number, itemLength: number) => void;
  readonly hb_buffer_set_direction: (buffer: number, direction: number) => void;
  readonly hb_buffer_set_cluster_level: (buffer: number, level: number) => void;
  readonly hb_buffer_guess_segment_properties: (buffer: number) => void;
  readonly hb_buffer_get_length: (buffer: number) => number;
  readonly hb_buffer_get_glyph_infos: (buffer: number, length: number) => number;
  readonly hb_buffer_get_glyph_positions: (buffer: number, length: number) => number;
  readonly hb_shape: (font: number, buffer: number, features: number, featureCount: number) => void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_DIRECTION = { ltr: 4, rtl: 5 } as const;
/**
 * Marks keep clusters of their own instead of joining their base letter's: each glyph then stands for its own
 * letters (a mark glyph for its mark), which the ToUnicode map needs, as it gives one text per glyph whatever its use.
 */
const HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS = 1;
/** `hb_glyph_info_t` and `hb_glyph_position_t` are five 32-bit words each. */
const RECORD_WORDS = 5;
const WASM_PAGE = 65_536;

/** A glyph of shaped text, in font units, in the order it stands on the page (left to right). */
export interface ShapedGlyphRecord {
  readonly id: number;
  /** Index, in UTF-16 code units of the shaped text, of the first character this glyph's cluster stands for. */
  readonly cluster: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

export interface Shaper {
  /** Shapes `text` in `direction` with the font's default features (joining, ligatures, marks, kerning). */
  shape(text: string, direction: 'ltr' | 'rtl'): ShapedGlyphRecord[];
  hasGlyph(codePoint: number): boolean;
}

let loading: Promise<HarfBuzzExports> | undefined;

/** A shaper of the TrueType font `font` (bytes kept by HarfBuzz for the life of the process). */
export async function createShaper(font: Uint8Array): Promise<Shaper> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return shaperOf(await loading, font);
}

async function instantiate(): Promise<HarfBuzzExports> {
  const file = await readFile(fileURLToPath(import.meta.resolve(`${HARFBUZZ_PACKAGE}/${HARFBUZZ_WASM}`)));
  let memory: WasmMemory | undefined;
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz ${what}`);
  };
  // What the Emscripten build imports: growing its heap, and hooks for aborts and timers that shaping never reaches.
  // A harfbuzzjs release whose build imports anything else fails here (a LinkError), in every PDF test.
  const imports = {
    env: {
      emscripten_resize_heap: (requested: number) => {
        if (!memory) return 0;
        const missing = (requested >>> 0) - memory.buffer.byteLength;
        if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE));
        return 1;
      },
      _abort_js: fail('aborted'),
      _setitimer_js: fail('asked for a timer'),
      _emscripten_runtime_keepalive_clear: () => undefined,
    },
    wasi_snapshot_preview1: { proc_exit: fail('exited') },
  };
  const { instance } = await wasm.instantiate(file, imports);
  const exports = instance.exports as unknown as HarfBuzzExports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  return exports;
}

function shaperOf(hb: HarfBuzzExports, bytes: Uint8Array): Shaper {
  const data = hb.malloc(bytes.byteLength);
  new Uint8Array(hb.memory.buffer).set(bytes, data);
  const font = hb.hb_font_create(hb.hb_face_create(hb.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0), 0));
  const glyph = hb.malloc(4);
  return {
    hasGlyph: (codePoint) => hb.hb_font_get_nominal_glyph(font, codePoint, glyph) !== 0,
    shape(text, direction) {
      const buffer = hb.hb_buffer_create();
      const units = hb.malloc(text.length * 2);
      try {
        // Views are taken after each allocation: growing the heap replaces the memory's ArrayBuffer.
        const input = new Uint16Array(hb.memory.buffer, units, text.length);
        for (let index = 0; index < text.length; index++) input[index] = text.charCodeAt(index);
        hb.hb_buffer_add_utf16(buffer, units, text.length, 0, text.length);
        // The direction is the bidi algorithm's, never guessed from the script: Arabic-Indic digits read left to
        // right, spaces and brackets between Arabic words right to left.
        hb.hb_buffer_set_direction(buffer, HB_DIRECTION[direction]);
        hb.hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
        hb.hb_buffer_guess_segment_properties(buffer);
        hb.hb_shape(font, buffer, 0, 0);
        const count = hb.hb_buffer_get_length(buffer);
        const infos = new Uint32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), count * RECORD_WORDS);
        const positions = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), count * RECORD_WORDS);
        const glyphs: ShapedGlyphRecord[] = [];
        for (let index = 0; index < count; index++) {
          const record = index * RECORD_WORDS;
          glyphs.push({
            id: infos[record] as number,
            cluster: infos[record + 2] as number,
            xAdvance: positions[record] as number,
            xOffset: positions[record + 2] as number,
            yOffset: positions[record + 3] as number,
          });
        }
        return glyphs;
      } finally {
        hb.free(units);
        hb.hb_buffer_destroy(buffer);
      }
    },
  };
}
