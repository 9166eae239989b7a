// Who may ask for whose birth act, from the links the acts record once the other person's office confirmed
// them: parents named on a birth act, spouses by marriage notes in both margins. Anything else is refused.
import { describe, expect, it } from 'vitest';
import { isEntitled, needsRequesterAct } from '../../../functions/documents/domain/entitlement.ts';
import { birthAct, unionNote } from '../../fixtures/civil-status/acts.ts';

const PARENT = '1000000001';
const CHILD = '2000000002';
const SPOUSE = '3000000003';
const STRANGER = '4000000004';

const parentAct = birthAct(PARENT);
const childAct = birthAct(CHILD, { father: { givenName: { latin: 'Mohammed' }, civilId: PARENT, linkStatus: 'confirmed' } });
/** The same child's act while the parent's office has not confirmed the link yet. */
const claimedChildAct = birthAct(CHILD, { father: { givenName: { latin: 'Mohammed' }, civilId: PARENT, linkStatus: 'claimed' } });

describe('entitlement to a birth act', () => {
  it('lets a person ask for their own act only', () => {
    expect(isEntitled('self', { requesterCivilId: CHILD, target: childAct })).toBe(true);
    expect(isEntitled('self', { requesterCivilId: STRANGER, target: childAct })).toBe(false);
  });

  it("lets a child ask for a parent's act named on the child's own act", () => {
    expect(isEntitled('parent', { requesterCivilId: CHILD, requesterAct: childAct, target: parentAct })).toBe(true);
    expect(isEntitled('parent', { requesterCivilId: STRANGER, requesterAct: birthAct(STRANGER), target: parentAct })).toBe(false);
    // The act offered as proof must be the requester's own.
    expect(isEntitled('parent', { requesterCivilId: STRANGER, requesterAct: childAct, target: parentAct })).toBe(false);
    expect(isEntitled('parent', { requesterCivilId: CHILD, target: parentAct })).toBe(false);
    expect(isEntitled('parent', { requesterCivilId: CHILD, requesterAct: claimedChildAct, target: parentAct })).toBe(false);
  });

  it("lets a parent ask for a child's act that names them", () => {
    expect(isEntitled('child', { requesterCivilId: PARENT, target: childAct })).toBe(true);
    expect(isEntitled('child', { requesterCivilId: STRANGER, target: childAct })).toBe(false);
    expect(isEntitled('child', { requesterCivilId: CHILD, target: parentAct })).toBe(false);
    expect(isEntitled('child', { requesterCivilId: PARENT, target: claimedChildAct })).toBe(false);
  });

  it('lets spouses ask for each other while married, by the marriage in both margins', () => {
    const wedding = unionNote('marriage', PARENT, '2015-06-01');
    const married = birthAct(SPOUSE, {}, { notes: [wedding] });
    const marriedParent = birthAct(PARENT, {}, { notes: [unionNote('marriage', SPOUSE, '2015-06-01')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: marriedParent, target: married })).toBe(true);
    expect(isEntitled('spouse', { requesterCivilId: SPOUSE, requesterAct: married, target: marriedParent })).toBe(true);
    expect(isEntitled('spouse', { requesterCivilId: STRANGER, requesterAct: birthAct(STRANGER), target: married })).toBe(false);
  });

  it('refuses a marriage written in one margin only: the other office has not confirmed it', () => {
    const claimedByOneOffice = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: parentAct, target: claimedByOneOffice })).toBe(false);
    expect(isEntitled('spouse', { requesterCivilId: SPOUSE, requesterAct: claimedByOneOffice, target: parentAct })).toBe(false);
  });

  it('ends with a later divorce in either margin, and starts again with a remarriage in both', () => {
    const spouse = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01')] });
    const divorcedThere = birthAct(PARENT, {}, { notes: [unionNote('marriage', SPOUSE, '2015-06-01'), unionNote('divorce', SPOUSE, '2019-01-10')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: divorcedThere, target: spouse })).toBe(false);
    const remarried = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01'), unionNote('marriage', PARENT, '2021-02-02')] });
    const remarriedThere = birthAct(PARENT, {}, {
      notes: [unionNote('marriage', SPOUSE, '2015-06-01'), unionNote('divorce', SPOUSE, '2019-01-10'), unionNote('marriage', SPOUSE, '2021-02-02')],
    });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: remarriedThere, target: remarried })).toBe(true);
  });

  it('refuses any relationship to a death act', () => {
    const death = birthAct(PARENT, {}, { type: 'death' });
    expect(isEntitled('self', { requesterCivilId: PARENT, target: death })).toBe(false);
  });

  it("reads the requester's own act only when the proof is in it", () => {
    expect(['self', 'parent', 'child', 'spouse'].filter((relationship) => needsRequesterAct(relationship as never))).toEqual(['parent', 'spouse']);
  });
});
