// The local gateway's own answers: badly escaped path parameters, oversized headers and refused tokens, each as
// problem+json in the caller's language, before any handler runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRouteContract } from '../../../functions/shared/http/route-contract.ts';
import { startLocalGateway, type LocalGateway } from '../../../lib/local/local-gateway.ts';
import { LOCAL_AUDIENCE, LocalIssuer } from '../../../lib/local/local-issuer.ts';
import { openKeyFile } from '../../../lib/local/local-key-file.ts';

const ISSUER = 'urn:raqmana:test-issuer';
const START = new Date('2026-06-01T08:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'raqmana-gateway-'));
const keyFile = join(folder, 'issuer-key.json');
let now = START;
let gateway: LocalGateway;
let issuer: LocalIssuer;
const received: unknown[] = [];

const route = (path: string, access: AnyRouteContract['access']) => ({ method: 'GET', path, access }) as unknown as AnyRouteContract;
const echo = async (event: { pathParameters?: unknown }) => {
  received.push(event.pathParameters);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event.pathParameters ?? {}) };
};

beforeAll(async () => {
  issuer = await LocalIssuer.open(keyFile, ISSUER);
  gateway = await startLocalGateway({
    port: 0,
    routes: [
      { functionId: 'GetThing', route: route('/v1/things/{code}', 'public'), handler: echo as never, timeoutSeconds: 5 },
      { functionId: 'GetThingPart', route: route('/v1/things/{code}/parts/{part}', ['admin']), handler: echo as never, timeoutSeconds: 5 },
    ],
    platformRoutes: {},
    issuer,
    timeSource: { now: () => now },
  });
});

afterAll(async () => {
  await gateway.close();
  rmSync(folder, { recursive: true, force: true });
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gateway.url}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

async function signedWith(claims: Record<string, unknown>, expiresAt?: Date): Promise<string> {
  const privateKey = await importJWK((await openKeyFile(keyFile)).privateJwk, 'ES256');
  const token = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'local-1' }).setSubject('admin-1').setIssuer(ISSUER).setAudience(LOCAL_AUDIENCE);
  if (expiresAt) token.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  return token.sign(privateKey);
}

describe('the local gateway', () => {
  it.each(['%', '%ZZ', 'a%2', '%E2%82', '%C3', '%FF'])('answers the badly escaped path parameter %s with a 400 problem naming it', async (raw) => {
    const before = received.length;
    const reply = await get(`/v1/things/${raw}/parts/x1`, { 'accept-language': 'fr' });

    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.headers.get('content-language')).toBe('fr');
    expect(reply.json).toMatchObject({
      code: 'validation-failed',
      title: 'La requête contient des données invalides',
      detail: 'Le chemin contient un encodage pourcent (%) invalide',
      errors: [{ pointer: '/params/code', code: 'invalid_encoding' }],
    });
    expect(received.length).toBe(before);
  });

  it('passes well-escaped parameters to the handler decoded', async () => {
    const reply = await get('/v1/things/caf%C3%A9%20noir');

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ code: 'café noir' });
  });

  it('answers headers over API Gateway’s 10,240-byte quota with a 431 problem in the caller’s language', async () => {
    const reply = await get('/v1/things/rabat/parts/x1', { 'accept-language': 'en', authorization: `Bearer ${'a'.repeat(20 * 1024)}` });

    expect(reply.status).toBe(431);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.json).toMatchObject({ code: 'headers-too-large', status: 431, title: 'The request headers are too large' });
  });

  it('still answers a problem+json 431 when the headers are too large for the HTTP parser to read', async () => {
    const reply = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${gateway.url}/v1/things/rabat`, { headers: { 'x-padding': 'p'.repeat(80 * 1024) } }, (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () => resolve({ status: incoming.statusCode!, type: String(incoming.headers['content-type']), body }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

    expect(reply.status).toBe(431);
    expect(reply.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'headers-too-large', status: 431 });
  });

  it('says token-expired for a genuine token past its expiry, as the virtual clock moves on', async () => {
    const token = await issuer.sign({ sub: 'admin-1', roles: ['admin'] }, START);
    expect((await get('/v1/things/rabat/parts/x1', { authorization: `Bearer ${token}` })).status).toBe(200);

    now = new Date(START.getTime() + 3601_000);
    const reply = await get('/v1/things/rabat/parts/x1', { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    now = START;

    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ code: 'token-expired', title: 'The token has expired, sign in again' });
  });

  it('refuses a genuine token without exp, and an access token, as authentication-required', async () => {
    const withoutExpiry = await signedWith({ token_use: 'id', 'cognito:groups': ['admin'] });
    const accessToken = await signedWith({ token_use: 'access', 'cognito:groups': ['admin'] }, new Date(START.getTime() + 3600_000));

    for (const token of [withoutExpiry, accessToken]) {
      const reply = await get('/v1/things/rabat/parts/x1', { authorization: `Bearer ${token}` });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ code: 'authentication-required' });
    }
  });

  it('passes the groups to the handler as API Gateway does, "[a b]"', async () => {
    let claims: Record<string, string> | undefined;
    const captured = await startLocalGateway({
      port: 0,
      routes: [
        {
          functionId: 'Who',
          route: route('/v1/who', ['admin']),
          handler: (async (event: { requestContext: { authorizer: { jwt: { claims: Record<string, string> } } } }) => {
            claims = event.requestContext.authorizer.jwt.claims;
            return { statusCode: 204 };
          }) as never,
          timeoutSeconds: 5,
        },
      ],
      platformRoutes: {},
      issuer,
      timeSource: { now: () => START },
    });
    const token = await issuer.sign({ sub: 'staff-1', roles: ['agent', 'admin'] }, START);
    await fetch(`${captured.url}/v1/who`, { headers: { authorization: `Bearer ${token}` } });
    await captured.close();

    expect(claims).toMatchObject({ 'cognito:groups': '[agent admin]', token_use: 'id', exp: String(START.getTime() / 1000 + 3600) });
  });
});
