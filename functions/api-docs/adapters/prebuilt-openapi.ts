// The OpenAPI document as GetOpenApiDocument serves it: made once, when the function is bundled
// (./openapi-files.ts), and read on the first request, plain and gzip-compressed. Building it in the function cost
// its cold start every route's schemas and a quarter of a second.
import { readGeneratedFile } from '../../shared/generated-files.ts';
import type { Compressible } from '../application/compressed-result.ts';

export const OPENAPI_FILE = 'openapi.json';
export const OPENAPI_GZIP_FILE = 'openapi.json.gz';

let reading: Promise<Compressible> | undefined;

export function prebuiltOpenApiDocument(): Promise<Compressible> {
  reading ??= Promise.all([readGeneratedFile(OPENAPI_FILE), readGeneratedFile(OPENAPI_GZIP_FILE)]).then(
    ([plain, gzipped]) => ({ plain, gzipped }),
    (error: unknown) => {
      reading = undefined;
      throw error;
    },
  );
  return reading;
}
