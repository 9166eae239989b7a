// Who is calling: read from the JWT claims that API Gateway's authorizer (or the local gateway) verified.
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { isRole, type Role } from './roles.ts';

export interface Principal {
  readonly sub: string;
  readonly roles: readonly Role[];
  /** Commune the staff member works for (Cognito `custom:commune`). */
  readonly commune?: string;
  /** Civil-status office of a registrar (Cognito `custom:office`). */
  readonly office?: string;
  /** Digital civil identifier linked to a citizen's national digital identity (Cognito `custom:civil_id`). */
  readonly civilId?: string;
}

/** The claim names Cognito ID tokens use; the local issuer signs the same ones. */
export const CLAIMS = {
  groups: 'cognito:groups',
  commune: 'custom:commune',
  office: 'custom:office',
  civilId: 'custom:civil_id',
} as const;

type ClaimValue = string | number | boolean | readonly string[];

/**
 * API Gateway HTTP APIs flatten array claims into a string like `[citizen agent]`;
 * accept that form, a JSON array string and a real array.
 */
function parseGroups(value: ClaimValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    if (inner.startsWith('"')) return (JSON.parse(text) as unknown[]).map(String);
    return inner.split(/[\s,]+/);
  }
  return text.split(/[\s,]+/).filter(Boolean);
}

function optionalClaim(claims: Record<string, ClaimValue>, name: string): string | undefined {
  const value = claims[name];
  return value === undefined || value === '' ? undefined : String(value);
}

/** The principal of an authenticated request, or undefined when the request carries no verified claims. */
export function principalFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Principal | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims as Record<string, ClaimValue> | undefined;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '') return undefined;
  const commune = optionalClaim(claims, CLAIMS.commune);
  const office = optionalClaim(claims, CLAIMS.office);
  const civilId = optionalClaim(claims, CLAIMS.civilId);
  return {
    sub,
    roles: parseGroups(claims[CLAIMS.groups]).filter(isRole),
    ...(commune && { commune }),
    ...(office && { office }),
    ...(civilId && { civilId }),
  };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
