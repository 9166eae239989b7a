// Who may ask for whose birth act: the person themselves, their parents (named on the child's act), their
// children (whose acts name them as parent) and their spouse (married by notes in the margins, not divorced
// since). Checked against the acts, never against what the requester says.
import { areMarried, parentCivilIds, type CivilAct } from '../../civil-status/public.ts';
import type { Relationship } from './document-request.ts';

export interface EntitlementFacts {
  readonly requesterCivilId: string;
  /** The requester's own birth act; needed to prove they are the target's child or spouse. */
  readonly requesterAct?: CivilAct;
  readonly target: CivilAct;
}

/** The requester's own birth act is needed only when the proof is in it. */
export function needsRequesterAct(relationship: Relationship): boolean {
  return relationship === 'parent' || relationship === 'spouse';
}

export function isEntitled(relationship: Relationship, facts: EntitlementFacts): boolean {
  const { requesterCivilId, requesterAct, target } = facts;
  if (target.type !== 'birth' || target.person.civilId === undefined) return false;
  const targetCivilId = target.person.civilId;
  switch (relationship) {
    case 'self':
      return targetCivilId === requesterCivilId;
    // The target is the requester's parent: the requester's birth act names them.
    case 'parent':
      return requesterAct !== undefined && requesterAct.person.civilId === requesterCivilId && parentCivilIds(requesterAct).includes(targetCivilId);
    // The target is the requester's child: the target's birth act names the requester.
    case 'child':
      return parentCivilIds(target).includes(requesterCivilId);
    case 'spouse':
      return requesterAct !== undefined && requesterAct.person.civilId === requesterCivilId && areMarried(requesterAct, target);
  }
}
