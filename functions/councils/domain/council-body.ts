// A council (the deliberative body of a collectivity): its type, members and groups. The members in office are the
// base of the quorum (art. 42) and of the one third that may ask for an extraordinary session (art. 36). Pure.
export const COLLECTIVITY_TYPES = ['commune', 'arrondissement', 'province', 'prefecture', 'region'] as const;
export type CollectivityType = (typeof COLLECTIVITY_TYPES)[number];

export const MEMBER_ROLES = ['president', 'vice-president', 'secretary', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface CouncilMember {
  /** Stable within the body (`m01`), named in votes and attendance. */
  readonly id: string;
  /** The member's sign-in `sub`, so a member reads their own convocations. */
  readonly sub?: string;
  readonly name: string;
  readonly role: MemberRole;
  readonly group?: string;
  readonly inOffice: boolean;
  readonly since: string;
  readonly until?: string;
}

export interface CouncilGroup {
  readonly id: string;
  readonly name: string;
}

/**
 * Where a body's collectivity lies, as reference data places it: the prefecture or province (none for a region) and
 * the region, by code. It decides which governor's office controls the council.
 */
export interface BodyTerritory {
  readonly province?: string;
  readonly region: string;
}

export interface CouncilBody {
  /** The collectivity's code, the scope of its secretariat's tokens. */
  readonly id: string;
  readonly type: CollectivityType;
  /**
   * Derived from reference data on each `PUT` of the body, never given by its caller; absent on a body stored before
   * territories were (no governor acts for it until its next `PUT`).
   */
  readonly territory?: BodyTerritory;
  readonly name: { readonly ar: string; readonly fr: string };
  readonly members: readonly CouncilMember[];
  readonly groups: readonly CouncilGroup[];
  readonly version: number;
  readonly updatedAt: string;
}

/** What reference data holds under the body's code, for its type: the commune, the prefecture or province, or the region. */
export interface CollectivityFacts {
  readonly commune?: { readonly province: { readonly code: string }; readonly region: { readonly code: string } };
  readonly province?: { readonly code: string; readonly region: { readonly code: string } };
  readonly region?: { readonly code: string };
}

/**
 * The territory of a body of `type` from reference data: a commune's is its prefecture or province and its region;
 * a prefecture's or province's, its own code and its region; a region's, its own code. Undefined when reference data
 * does not know the collectivity (arrondissements are not in it yet).
 */
export function territoryOf(type: CollectivityType, facts: CollectivityFacts): BodyTerritory | undefined {
  switch (type) {
    case 'commune':
      return facts.commune && { province: facts.commune.province.code, region: facts.commune.region.code };
    case 'province':
    case 'prefecture':
      return facts.province && { province: facts.province.code, region: facts.province.region.code };
    case 'region':
      return facts.region && { region: facts.region.code };
    case 'arrondissement':
      return undefined;
  }
}

/** The reference-data request that finds the collectivity of a body of `type` and code `id`. */
export function collectivityRequest(type: CollectivityType, id: string): { commune?: string; province?: string; region?: string } {
  switch (type) {
    case 'commune':
      return { commune: id };
    case 'province':
    case 'prefecture':
      return { province: id };
    case 'region':
      return { region: id };
    case 'arrondissement':
      return {};
  }
}

export function membersInOffice(body: Pick<CouncilBody, 'members'>): CouncilMember[] {
  return body.members.filter((member) => member.inOffice);
}

export function memberInOffice(body: Pick<CouncilBody, 'members'>, id: string): CouncilMember | undefined {
  return body.members.find((member) => member.id === id && member.inOffice);
}

export function presidentOf(body: Pick<CouncilBody, 'members'>): CouncilMember | undefined {
  return body.members.find((member) => member.role === 'president' && member.inOffice);
}

/** More than half of the members in office (art. 42): the smallest whole number above half. */
export function quorumOf(inOffice: number): number {
  return Math.floor(inOffice / 2) + 1;
}

/** At least one third of the members in office (art. 36): the smallest whole number at or above a third. */
export function oneThirdOf(inOffice: number): number {
  return Math.ceil(inOffice / 3);
}
