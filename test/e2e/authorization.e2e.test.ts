// Every route of every service, called by every role, without a token and with a forged one. A role the route
// admits gets neither 401, 403 nor any 5xx: its request, with path and query values of the shapes the contract
// asks for (so that it passes validation and reaches the use case) and an empty body, gets an answer or a 4xx. A
// governor of another prefecture gets 403 on every route the governor may use, for the council of the callers' commune.
import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isValidCivilId } from '../../functions/civil-status/public.ts';
import { platform } from '../../functions/platform.ts';
import { ROLES, type Role } from '../../functions/shared/auth/roles.ts';
import type { AnyRouteContract } from '../../functions/shared/http/route-contract.ts';
import { request, tokenFor } from './http-client.ts';

const routes = platform.services.flatMap((service) => service.functions.flatMap((fn) => (fn.route ? [fn.route] : [])));
const tokens = {} as Record<Role, string>;

/** The commune, the prefecture and region (a governor's) and the office of every role's token below. */
const SCOPE = { commune: 'rabat', province: 'rabat', region: 'rabat-sale-kenitra', office: 'RBT-HASSAN' };
/**
 * Values of the shapes the contracts' path and query fields take: the callers' own commune and office first (a
 * resource of another commune's would rightly be refused with 403), then identifiers that name nothing stored.
 */
const SAMPLE_VALUES = [
  SCOPE.commune,
  SCOPE.office,
  '2031',
  '1',
  randomUUID(),
  'SAMPLE',
  'DOC-SAMPLE000000',
  '2026-01-01',
  Array.from({ length: 100 }, (_, index) => String(1_000_000_000 + index)).find(isValidCivilId)!,
  // A council deliberation's id (its session's and the item's number), so its routes reach the use case.
  `${randomUUID()}.1`,
];

/**
 * For each field of `schema` the caller must give, the first sample value it accepts; and the caller's own commune
 * or office where the field may name one (the figures of a commune, not the nation's, which staff may not read).
 */
function sampleValues(schema: z.core.$ZodType | undefined): Record<string, string> {
  const shape: Readonly<Record<string, z.core.$ZodType>> = (schema as z.core.$ZodObject | undefined)?._zod.def.shape ?? {};
  const accepts = (field: z.core.$ZodType, value: unknown) => z.safeParse(field, value).success;
  const given = Object.entries(shape).filter(([name, field]) => !accepts(field, undefined) || Object.hasOwn(SCOPE, name));
  const values = Object.fromEntries(given.map(([name, field]) => [name, SAMPLE_VALUES.find((value) => accepts(field, value)) ?? 'sample']));
  return schema && !accepts(schema, values) ? {} : values;
}

function sampleRequest(route: AnyRouteContract): string {
  const params = sampleValues(route.params);
  const path = route.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'sample'));
  const query = new URLSearchParams(sampleValues(route.query)).toString();
  return query ? `${path}?${query}` : path;
}

describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
  beforeAll(async () => {
    for (const role of ROLES) tokens[role] ??= await tokenFor({ sub: `${role}-authz`, roles: [role], ...SCOPE });
  });

  it.each(ROLES.map((role) => [role]))('as %s', async (role) => {
    const reply = await request(route.method, sampleRequest(route), { token: tokens[role], ...(route.body && { body: {} }) });

    if (route.access === 'public' || route.access.includes(role)) {
      expect([401, 403], reply.text).not.toContain(reply.status);
      expect(reply.status, reply.text).toBeLessThan(500);
    } else {
      expect(reply.status).toBe(403);
      // A route that follows a standard's error list (Open311) says it as `[{code: 403, description}]`.
      if (route.errorFormat === 'code-description-list') expect((reply.json as unknown as { code: number }[])[0]?.code).toBe(403);
      else expect(reply.json.code).toBe('forbidden');
    }
  });

  it('without a token', async () => {
    const reply = await request(route.method, sampleRequest(route), route.body ? { body: {} } : {});

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

    const reply = await request(route.method, sampleRequest(route), { token: forged, ...(route.body && { body: {} }) });

    expect(reply.status).toBe(401);
    expect(reply.json.code).toBe('authentication-required');
  });
});

/**
 * The governor of Fès on every route the governor may use, for Rabat's council (stored first, so the check on its
 * territory is reached): the route's own example body and an Idempotency-Key, so the request passes the chain's
 * checks and is refused by the use case alone.
 */
describe('a governor of another prefecture', () => {
  const governorRoutes = routes.filter((route) => route.access !== 'public' && route.access.includes('governor') && route.path.startsWith('/v1/councils/bodies/{body}'));
  let elsewhere: string;

  beforeAll(async () => {
    const admin = await tokenFor({ sub: 'admin-authz-council', roles: ['admin'] });
    const members = [{ id: 'm01', name: 'Membre 1', role: 'president', inOffice: true, since: '2021-09-20' }];
    const put = await request('PUT', `/v1/councils/bodies/${SCOPE.commune}`, {
      token: admin,
      headers: { 'idempotency-key': `authz-council-${randomUUID()}` },
      body: { type: 'commune', name: { ar: 'مجلس جماعة الرباط', fr: 'Conseil de la commune de Rabat' }, members, groups: [] },
    });
    expect(put.status, put.text).toBe(200);
    elsewhere = await tokenFor({ sub: 'governor-fes-authz', roles: ['governor'], province: 'fes', region: 'fes-meknes' });
  });

  it('has routes to try', () => {
    expect(governorRoutes.length).toBeGreaterThanOrEqual(11);
  });

  it.each(governorRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('is refused %s', async (_name, route) => {
    const reply = await request(route.method, sampleRequest(route), {
      token: elsewhere,
      ...(route.idempotent && { headers: { 'idempotency-key': `authz-elsewhere-${randomUUID()}` } }),
      ...(route.body && { body: route.bodyExample ?? {} }),
    });

    expect(reply.status, reply.text).toBe(403);
    expect(reply.json.code).toBe('forbidden');
  });
});
