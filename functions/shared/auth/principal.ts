// Who is calling: read from the JWT claims that API Gateway's authorizer (or the local gateway) verified.
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { isRole, type Role } from './roles.ts';

export interface Principal {
  readonly sub: string;
  readonly roles: readonly Role[];
  /** Commune the staff member works for (Cognito `custom:commune`). */
  readonly commune?: string;
  /** Prefecture or province of a governor's office (Cognito `custom:province`): the councils it controls. */
  readonly province?: string;
  /** Region of a wali's office (Cognito `custom:region`): the region council it controls. */
  readonly region?: string;
  /** Civil-status office of a registrar (Cognito `custom:office`). */
  readonly office?: string;
  /** Digital civil identifier linked to a citizen's national digital identity (Cognito `custom:civil_id`). */
  readonly civilId?: string;
}

/** The claim names Cognito ID tokens use; the local issuer signs the same ones. */
export const CLAIMS = {
  groups: 'cognito:groups',
  commune: 'custom:commune',
  province: 'custom:province',
  region: 'custom:region',
  office: 'custom:office',
  civilId: 'custom:civil_id',
} as const;

type ClaimValue = string | number | boolean | readonly string[];

/**
 * The groups exactly as Cognito listed them. API Gateway's JWT authorizer hands array claims to a payload 2.0
 * function as one string, `[citizen agent]`: the items joined by single spaces inside brackets, unquoted. Cognito
 * group names cannot hold white space, so splitting that form on spaces is exact; commas are part of a name
 * (`["citizen,admin"]` is one group, which is no role).
 */
function parseGroups(value: ClaimValue | undefined): readonly string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value);
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).split(' ').filter((group) => group !== '');
  return text === '' ? [] : [text];
}

/**
 * Only ID tokens are taken: the custom attributes that scope staff and citizens (`custom:commune`, `custom:province`,
 * `custom:region`, `custom:office`, `custom:civil_id`) are in Cognito ID tokens alone, and API Gateway's authorizer lets an access token of the same
 * app client through (it matches `client_id` as it matches `aud`). A token must also say when it expires.
 */
function isUsableIdToken(claims: Record<string, ClaimValue>): boolean {
  return claims.token_use === 'id' && claims.exp !== undefined && claims.exp !== '';
}

function optionalClaim(claims: Record<string, ClaimValue>, name: string): string | undefined {
  const value = claims[name];
  return value === undefined || value === '' ? undefined : String(value);
}

/** The principal of an authenticated request, or undefined when the request carries no verified claims. */
export function principalFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Principal | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims as Record<string, ClaimValue> | undefined;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '' || !isUsableIdToken(claims)) return undefined;
  const commune = optionalClaim(claims, CLAIMS.commune);
  const province = optionalClaim(claims, CLAIMS.province);
  const region = optionalClaim(claims, CLAIMS.region);
  const office = optionalClaim(claims, CLAIMS.office);
  const civilId = optionalClaim(claims, CLAIMS.civilId);
  return {
    sub,
    roles: parseGroups(claims[CLAIMS.groups]).filter(isRole),
    ...(commune && { commune }),
    ...(province && { province }),
    ...(region && { region }),
    ...(office && { office }),
    ...(civilId && { civilId }),
  };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
