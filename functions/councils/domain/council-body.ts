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

export interface CouncilBody {
  /** The collectivity's code, the scope of its secretariat's tokens. */
  readonly id: string;
  readonly type: CollectivityType;
  readonly name: { readonly ar: string; readonly fr: string };
  readonly members: readonly CouncilMember[];
  readonly groups: readonly CouncilGroup[];
  readonly version: number;
  readonly updatedAt: string;
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
