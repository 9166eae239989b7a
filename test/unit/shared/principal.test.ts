import { describe, expect, it } from 'vitest';
import { principalFromEvent } from '../../../functions/shared/auth/principal.ts';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as Parameters<typeof principalFromEvent>[0];

describe('principalFromEvent', () => {
  it('reads groups flattened by API Gateway as "[a b]"', () => {
    const principal = principalFromEvent(eventWith({ sub: 'u1', 'cognito:groups': '[agent president]', 'custom:commune': 'rabat' }));
    expect(principal).toEqual({ sub: 'u1', roles: ['agent', 'president'], commune: 'rabat' });
  });

  it('reads groups given as a real array and keeps office and civil identifier', () => {
    const principal = principalFromEvent(
      eventWith({ sub: 'u2', 'cognito:groups': ['registrar'], 'custom:office': 'RBT-HASSAN', 'custom:civil_id': '1234567890' }),
    );
    expect(principal).toEqual({ sub: 'u2', roles: ['registrar'], office: 'RBT-HASSAN', civilId: '1234567890' });
  });

  it('drops groups that are not platform roles', () => {
    expect(principalFromEvent(eventWith({ sub: 'u3', 'cognito:groups': '[citizen superuser]' }))?.roles).toEqual(['citizen']);
  });

  it('has no principal without verified claims', () => {
    expect(principalFromEvent(eventWith(undefined))).toBeUndefined();
    expect(principalFromEvent(eventWith({ 'cognito:groups': '[admin]' }))).toBeUndefined();
  });
});
