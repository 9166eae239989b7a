// GetOpenApiDocument's bundle as `cdk synth` builds it: its asset holds, beside index.mjs, the OpenAPI document of the
// whole platform that bin/write-generated-files.ts wrote after bundling, plain and gzipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocsService } from '../../functions/api-docs/api-docs.service.ts';
import { OPENAPI_FILE, OPENAPI_GZIP_FILE } from '../../functions/api-docs/adapters/prebuilt-openapi.ts';
import { openApiDocument } from '../../functions/api-docs/application/openapi-document.ts';
import { platform } from '../../functions/platform.ts';
import { buildStack } from '../fixtures/infra/build-stack.ts';

let assets: string[];

beforeAll(() => {
  const { app } = buildStack({ ...platform, services: [apiDocsService] }, 'RaqmanaApiDocs');
  const { directory } = app.synth();
  assets = readdirSync(directory)
    .filter((name) => name.startsWith('asset.'))
    .map((name) => join(directory, name))
    .filter((folder) => existsSync(join(folder, 'index.mjs')));
}, 120_000);

describe("a function's generated files, as synthesized", () => {
  it("are written beside the bundle of the function that declares them, and only there", () => {
    const withDocument = assets.filter((folder) => existsSync(join(folder, OPENAPI_FILE)));
    expect(assets).toHaveLength(apiDocsService.functions.length);
    expect(withDocument).toHaveLength(1);

    const [folder] = withDocument;
    const plain = readFileSync(join(folder!, OPENAPI_FILE));
    expect(JSON.parse(plain.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(openApiDocument(platform))));
    expect(gunzipSync(readFileSync(join(folder!, OPENAPI_GZIP_FILE))).equals(plain)).toBe(true);
  });
});
