// The files GetOpenApiDocument ships beside its bundle (`generatedFiles` in the service description): the
// document of the whole platform, as JSON and gzip-compressed at the highest level, made when it is bundled.
import { gzipSync } from 'node:zlib';
import type { PlatformDescription } from '../../shared/service-description.ts';
import { openApiDocument } from '../application/openapi-document.ts';
import { OPENAPI_FILE, OPENAPI_GZIP_FILE } from './prebuilt-openapi.ts';

export function openApiFiles(platform: PlatformDescription): Readonly<Record<string, Uint8Array>> {
  const plain = new TextEncoder().encode(JSON.stringify(openApiDocument(platform)));
  return { [OPENAPI_FILE]: plain, [OPENAPI_GZIP_FILE]: gzipSync(plain, { level: 9 }) };
}
