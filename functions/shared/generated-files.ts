// Files made at bundling time from the platform's description (`generatedFiles` of a function's description):
// beside the bundle once deployed or benchmarked, where the local platform wrote them when it runs the function in
// its own process (GENERATED_FILES_DIR).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATED_FILES_DIR_ENV = 'GENERATED_FILES_DIR';

export function readGeneratedFile(name: string): Promise<Buffer> {
  // Once bundled, this module's URL is the bundle's.
  const folder = process.env[GENERATED_FILES_DIR_ENV] ?? dirname(fileURLToPath(import.meta.url));
  return readFile(join(folder, name));
}
