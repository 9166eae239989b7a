import { describe, expect, it } from 'vitest';
import { principalFromEvent } from '../../../functions/shared/auth/principal.ts';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as Parameters<typeof principalFromEvent>[0];

/** What API Gateway's JWT authorizer passes for a Cognito ID token: every claim a string, arrays as `[a b]`. */
const idToken = (claims: Record<string, unknown>) => eventWith({ token_use: 'id', exp: '1798761600', ...claims });

describe('principalFromEvent', () => {
  it('reads groups flattened by API Gateway as "[a b]"', () => {
    const principal = principalFromEvent(idToken({ sub: 'u1', 'cognito:groups': '[agent president]', 'custom:commune': 'rabat' }));
    expect(principal).toEqual({ sub: 'u1', roles: ['agent', 'president'], commune: 'rabat' });
  });

  it('reads groups given as a real array and keeps office and civil identifier', () => {
    const principal = principalFromEvent(
      idToken({ sub: 'u2', 'cognito:groups': ['registrar'], 'custom:office': 'RBT-HASSAN', 'custom:civil_id': '1234567890' }),
    );
    expect(principal).toEqual({ sub: 'u2', roles: ['registrar'], office: 'RBT-HASSAN', civilId: '1234567890' });
  });

  it("reads a governor's province and a wali's region, and takes an empty one as none", () => {
    expect(principalFromEvent(idToken({ sub: 'g1', 'cognito:groups': '[governor]', 'custom:province': 'rabat', 'custom:region': 'rabat-sale-kenitra' }))).toEqual({
      sub: 'g1',
      roles: ['governor'],
      province: 'rabat',
      region: 'rabat-sale-kenitra',
    });
    expect(principalFromEvent(idToken({ sub: 'g2', 'cognito:groups': '[governor]', 'custom:province': '', 'custom:region': '' }))).toEqual({ sub: 'g2', roles: ['governor'] });
  });

  it('drops groups that are not platform roles', () => {
    expect(principalFromEvent(idToken({ sub: 'u3', 'cognito:groups': '[citizen superuser]' }))?.roles).toEqual(['citizen']);
  });

  it('takes a group name with a comma as one group, whether the array arrives as an array or flattened', () => {
    expect(principalFromEvent(idToken({ sub: 'u4', 'cognito:groups': ['citizen,admin'] }))?.roles).toEqual([]);
    expect(principalFromEvent(idToken({ sub: 'u4', 'cognito:groups': '[citizen,admin]' }))?.roles).toEqual([]);
    expect(principalFromEvent(idToken({ sub: 'u4', 'cognito:groups': 'citizen,admin' }))?.roles).toEqual([]);
  });

  it('reads a single group passed as a plain string, and an empty flattened array as no group', () => {
    expect(principalFromEvent(idToken({ sub: 'u5', 'cognito:groups': 'auditor' }))?.roles).toEqual(['auditor']);
    expect(principalFromEvent(idToken({ sub: 'u5', 'cognito:groups': '[]' }))?.roles).toEqual([]);
  });

  it('does not split a group name on other white space or unquote it', () => {
    expect(principalFromEvent(idToken({ sub: 'u6', 'cognito:groups': '[citizen\tadmin]' }))?.roles).toEqual([]);
    expect(principalFromEvent(idToken({ sub: 'u6', 'cognito:groups': '["admin"]' }))?.roles).toEqual([]);
  });

  it('refuses an access token, which carries no custom attributes', () => {
    expect(principalFromEvent(idToken({ sub: 'u7', token_use: 'access', 'cognito:groups': '[admin]' }))).toBeUndefined();
    expect(principalFromEvent(eventWith({ sub: 'u7', exp: '1798761600', 'cognito:groups': '[admin]' }))).toBeUndefined();
  });

  it('refuses a token that does not say when it expires', () => {
    expect(principalFromEvent(eventWith({ sub: 'u8', token_use: 'id', 'cognito:groups': '[admin]' }))).toBeUndefined();
  });

  it('has no principal without verified claims', () => {
    expect(principalFromEvent(eventWith(undefined))).toBeUndefined();
    expect(principalFromEvent(idToken({ 'cognito:groups': '[admin]' }))).toBeUndefined();
  });
});
