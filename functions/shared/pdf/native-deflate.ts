// `pako` as the function bundles carry it: an esbuild alias (see lib/constructs/function-bundling.ts) puts this
// module in its place. pdf-lib compresses every stream with `pako.deflate`, a JavaScript port of zlib (45 KB of each
// PDF renderer's bundle) whose first calls in a process run unoptimised: about 40 ms of a cold first render,
// profiled on 2026-12-04. Node's zlib, already loaded to unwrap the fonts, deflates natively; pdf-lib uses nothing
// else of pako (the standard fonts and PNG decoder that inflate with it are left out, see absent-*.ts).
import { deflateSync } from 'node:zlib';

export default {
  deflate: (data: Uint8Array): Uint8Array => new Uint8Array(deflateSync(data)),
};
