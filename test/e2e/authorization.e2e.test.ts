// Every route of every service, called by every role, without a token and with a forged one.
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { ROLES, type Role } from '../../functions/shared/auth/roles.ts';
import { request, tokenFor } from './http-client.ts';

const routes = platform.services.flatMap((service) => service.functions.flatMap((fn) => (fn.route ? [fn.route] : [])));
const samplePath = (path: string) => path.replace(/\{year\}/g, '2031').replace(/\{[A-Za-z]+\}/g, 'sample');
const tokens = {} as Record<Role, string>;

describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
  beforeAll(async () => {
    for (const role of ROLES) tokens[role] ??= await tokenFor({ sub: `${role}-authz`, roles: [role], commune: 'rabat', office: 'RBT-HASSAN' });
  });

  it.each(ROLES.map((role) => [role]))('as %s', async (role) => {
    const reply = await request(route.method, samplePath(route.path), { token: tokens[role], ...(route.body && { body: {} }) });

    if (route.access === 'public' || route.access.includes(role)) {
      expect([401, 403]).not.toContain(reply.status);
      // An admitted role with a sample path and an empty body gets an answer or a 4xx, never a crash.
      expect(reply.status, reply.text).toBeLessThan(500);
    } else {
      expect(reply.status).toBe(403);
      expect(reply.json.code).toBe('forbidden');
    }
  });

  it('without a token', async () => {
    const reply = await request(route.method, samplePath(route.path), route.body ? { body: {} } : {});

    if (route.access === 'public') {
      expect([401, 403]).not.toContain(reply.status);
      expect(reply.status, reply.text).toBeLessThan(500);
    } else expect(reply.status).toBe(401);
  });

  it.skipIf(route.access === 'public')('with a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'local-1' })
      .setSubject('intruder')
      .setIssuer('urn:raqmana:local-issuer')
      .setAudience('raqmana-local')
      .setExpirationTime('1h')
      .sign(privateKey);

    const reply = await request(route.method, samplePath(route.path), { token: forged, ...(route.body && { body: {} }) });

    expect(reply.status).toBe(401);
    expect(reply.json.code).toBe('authentication-required');
  });
});
