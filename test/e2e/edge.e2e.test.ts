// The edge of the local platform over HTTP: badly escaped path parameters on every parameterised route, oversized
// headers and expired tokens, each answered as problem+json in the caller's language.
import { describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { request, tokenFor } from './http-client.ts';

const parameterised = platform.services
  .flatMap((service) => service.functions.flatMap((fn) => (fn.route ? [fn.route] : [])))
  .filter((route) => route.path.includes('{'));
const BAD_ESCAPES = ['%', '%ZZ', '%E2%82'] as const;

describe('the edge of the local platform', () => {
  it('has parameterised routes to walk', () => {
    expect(parameterised.length).toBeGreaterThan(20);
  });

  it.each(parameterised.flatMap((route) => BAD_ESCAPES.map((escape) => [`${route.method} ${route.path}`, escape, route] as const)))(
    '%s answers the path parameter %s with a 400 problem naming it',
    async (_, escape, route) => {
      const names = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]!);
      const path = route.path.replace(`{${names[0]}}`, escape).replace(/\{[A-Za-z0-9_]+\}/g, 'x1');

      const reply = await request(route.method, path, { headers: { 'accept-language': 'en' } });

      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.json).toMatchObject({ code: 'validation-failed', title: 'The request contains invalid data', errors: [{ pointer: `/params/${names[0]}`, code: 'invalid_encoding' }] });
    },
  );

  it('answers a 20 KB Authorization header with a 431 problem in the caller language', async () => {
    const reply = await request('GET', '/v1/permits', { headers: { 'accept-language': 'fr', authorization: `Bearer ${'x'.repeat(20 * 1024)}` } });

    expect(reply.status).toBe(431);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.json).toMatchObject({ code: 'headers-too-large', title: 'Les en-têtes de la requête sont trop volumineux' });
  });

  it('says token-expired once the virtual clock has passed the token expiry', async () => {
    const issued = await request('POST', '/_local/tokens', { body: { sub: 'citizen-edge', roles: ['citizen'], expiresIn: 60 } });
    const token = issued.json.token as string;
    expect((await request('GET', '/v1/permits', { token })).status).toBe(200);

    await request('POST', '/_local/clock', { body: { advance: 'PT61S' } });
    const reply = await request('GET', '/v1/permits', { token, headers: { 'accept-language': 'ar' } });

    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ code: 'token-expired', title: 'انتهت صلاحية رمز الدخول، يرجى تسجيل الدخول من جديد' });
    expect((await request('GET', '/v1/permits', { token: await tokenFor({ sub: 'citizen-edge', roles: ['citizen'] }) })).status).toBe(200);
  });
});
