// The roles of the platform: Cognito groups in AWS, the `roles` of a local token on the local platform.
export const ROLES = ['citizen', 'agent', 'commission', 'president', 'registrar', 'clerk', 'complaints-officer', 'admin', 'auditor', 'council-secretary', 'council-member', 'governor'] as const;

export type Role = (typeof ROLES)[number];

/**
 * Commune staff who instruct permits: the roles whose holders act for one commune (their token's `commune` claim).
 * The registry office's `clerk` and the complaints unit's `complaints-officer` are scoped to a commune the same
 * way, but read no permit: they are not listed here.
 */
export const COMMUNE_STAFF_ROLES: readonly Role[] = ['agent', 'commission', 'president'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
