import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { openApiFiles } from '../../../functions/api-docs/adapters/openapi-files.ts';
import { openApiDocument } from '../../../functions/api-docs/application/openapi-document.ts';
import { platform } from '../../../functions/platform.ts';
import { GENERATED_FILES_DIR_ENV } from '../../../functions/shared/generated-files.ts';
import { writeGeneratedFiles } from '../../../lib/generated-files.ts';
import { handler as pageHandler } from '../../../functions/api-docs/handlers/get-api-docs-page.handler.ts';
import { handler as documentHandler } from '../../../functions/api-docs/handlers/get-openapi-document.handler.ts';
import { handler as scriptHandler } from '../../../functions/api-docs/handlers/get-api-docs-script.handler.ts';
import { httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

async function call(fn: typeof pageHandler, routePath: string, headers: Record<string, string> = {}) {
  const response = (await fn(httpEvent({ method: 'GET', routePath, headers }), lambdaContext())) as APIGatewayProxyStructuredResultV2;
  const bytes = Buffer.from(response.body ?? '', response.isBase64Encoded ? 'base64' : 'utf8');
  const encoding = response.headers?.['content-encoding'];
  return { ...response, encoding, text: (encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8') };
}

describe('the API documentation functions', () => {
  it('serve a page whose only script is the platform’s own Redoc', async () => {
    const page = await call(pageHandler, '/docs');

    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect([...page.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])).toEqual(['<script src="docs/redoc.standalone.js">']);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers?.['content-security-policy']).toMatch(/default-src 'none'.*script-src 'self'/);
  });

  it('serve the Redoc script gzip-compressed only to a client that accepts it', async () => {
    const compressed = await call(scriptHandler, '/docs/redoc.standalone.js', { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await call(scriptHandler, '/docs/redoc.standalone.js', { 'accept-encoding': 'gzip;q=0, identity' });

    expect(compressed.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(compressed.text).toBe(plain.text);
    expect(plain.text).toContain('Redoc');
    expect(compressed.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serve the OpenAPI document made from the platform when the function was bundled, gzipped to who accepts it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'raqmana-generated-'));
    writeGeneratedFiles(openApiFiles(platform), folder);
    vi.stubEnv(GENERATED_FILES_DIR_ENV, folder);
    try {
      const plain = await call(documentHandler, '/openapi.json');
      const compressed = await call(documentHandler, '/openapi.json', { 'accept-encoding': 'gzip' });

      expect(plain.statusCode).toBe(200);
      expect(plain.headers?.['content-type']).toBe('application/json; charset=utf-8');
      expect(compressed.encoding).toBe('gzip');
      expect(compressed.text).toBe(plain.text);
      const parsed = JSON.parse(plain.text) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
      expect(parsed).toEqual(JSON.parse(JSON.stringify(openApiDocument(platform))));
      expect(parsed.servers.map((server) => server.url)).toEqual(['/']);
      expect(Object.keys(parsed.paths)).toContain('/docs/redoc.standalone.js');
    } finally {
      vi.unstubAllEnvs();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
