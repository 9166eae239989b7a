// The API documentation the platform serves itself: the Redoc page, its script, the OpenAPI document, and the
// check the e2e client runs on every reply against that document.
import { describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../../functions/api-docs/application/openapi-document.ts';
import { platform } from '../../functions/platform.ts';
import { contractViolation, request, type HttpReply } from './http-client.ts';

function reply(status: number, contentType: string, body: unknown): HttpReply {
  const text = JSON.stringify(body);
  return { status, headers: new Headers({ 'content-type': contentType }), text, json: body as HttpReply['json'] };
}

describe('the API documentation', () => {
  it('serves /docs as a page that loads only local assets, under a policy that forbids any other origin', async () => {
    const page = await request('GET', '/docs');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const references = [...page.text.matchAll(/\b(?:src|href|spec-url)="([^"]*)"/g)].map((match) => match[1]);
    expect(references).toEqual(['openapi.json', 'openapi.json', 'docs/redoc.standalone.js']);
    expect(page.text).toContain('<script src="docs/redoc.standalone.js"></script>');
    expect(page.text).not.toMatch(/<link\b|@import|url\(|https?:\/\//);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
  });

  it('serves the renderer script from the platform, compressed for clients that accept gzip', async () => {
    const script = await request('GET', '/docs/redoc.standalone.js', { headers: { 'accept-encoding': 'gzip' } });

    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.text.length).toBeGreaterThan(500_000);
    expect(script.text).toContain('Redoc');
  });

  it('publishes the OpenAPI document made from the platform, its server the origin it is fetched from, plain and gzipped', async () => {
    const document = await request('GET', '/openapi.json');
    const gzipped = await request('GET', '/openapi.json', { headers: { 'accept-encoding': 'gzip' } });

    expect(document.json.openapi).toBe('3.1.0');
    expect(document.json).toEqual(JSON.parse(JSON.stringify(openApiDocument(platform))));
    expect(document.json.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    const [server] = document.json.servers as { url: string }[];
    expect(new URL(server!.url, `${inject('platformUrl')}/openapi.json`).href).toBe(`${inject('platformUrl')}/`);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gzipped.text)).toEqual(document.json);
  });
});

describe("the e2e client's contract check", () => {
  const baseUrl = inject('platformUrl');
  const page = { items: [] };

  it('finds a status the operation does not declare', async () => {
    expect(await contractViolation(baseUrl, 'GET', '/v1/communes?limit=3', reply(418, 'application/json', page))).toMatch(/status its operation does not declare/);
  });

  it('finds a body that does not match the schema of its status', async () => {
    expect(await contractViolation(baseUrl, 'GET', '/v1/communes', reply(200, 'application/json', { items: 'none' }))).toMatch(/does not match its schema: \/items/);
    expect(await contractViolation(baseUrl, 'GET', '/v1/communes/rabat', reply(404, 'application/problem+json', { title: 'x' }))).toMatch(/does not match its schema/);
  });

  it('finds a content type the response does not declare', async () => {
    expect(await contractViolation(baseUrl, 'GET', '/v1/communes/rabat', reply(404, 'text/plain', 'nope'))).toMatch(/not one of application\/problem\+json/);
  });

  it('lets a reply that keeps the contract through, and ignores routes outside the document', async () => {
    const listed = await request('GET', '/v1/communes?limit=1');

    expect(await contractViolation(baseUrl, 'GET', '/v1/communes?limit=1', listed)).toBeUndefined();
    expect(await contractViolation(baseUrl, 'GET', '/health', reply(200, 'application/json', {}))).toBeUndefined();
  });
});
