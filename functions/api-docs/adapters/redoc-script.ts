// Redoc's standalone bundle, read from the `redoc` package: node_modules locally, its copy beside the Lambda bundle
// once deployed (see `packageFiles` in the service description). Read and compressed once per process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PackageFiles } from '../../shared/service-description.ts';
import { compressible, type Compressible } from '../application/compressed-result.ts';

const REDOC_PACKAGE = 'redoc';
const REDOC_SCRIPT = 'bundles/redoc.standalone.js';

/** What the script's function ships beside its bundle: the script, its licence notices and the package manifest. */
export const REDOC_PACKAGE_FILES: PackageFiles = {
  package: REDOC_PACKAGE,
  files: ['package.json', 'LICENSE', REDOC_SCRIPT, `${REDOC_SCRIPT}.LICENSE.txt`],
};

let reading: Promise<Compressible> | undefined;

export function redocScript(): Promise<Compressible> {
  reading ??= readFile(fileURLToPath(import.meta.resolve(`${REDOC_PACKAGE}/${REDOC_SCRIPT}`))).then(compressible, (error: unknown) => {
    reading = undefined;
    throw error;
  });
  return reading;
}
