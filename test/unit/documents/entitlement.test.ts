// Who may ask for whose birth act, from the links the acts record: parents named on a birth act, spouses by
// marriage and divorce notes in either margin. Anything else is refused.
import { describe, expect, it } from 'vitest';
import { isEntitled, needsRequesterAct } from '../../../functions/documents/domain/entitlement.ts';
import { birthAct, unionNote } from '../../fixtures/civil-status/acts.ts';

const PARENT = '1000000001';
const CHILD = '2000000002';
const SPOUSE = '3000000003';
const STRANGER = '4000000004';

const parentAct = birthAct(PARENT);
const childAct = birthAct(CHILD, { father: { givenName: { latin: 'Mohammed' }, civilId: PARENT } });

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
  });

  it("lets a parent ask for a child's act that names them", () => {
    expect(isEntitled('child', { requesterCivilId: PARENT, target: childAct })).toBe(true);
    expect(isEntitled('child', { requesterCivilId: STRANGER, target: childAct })).toBe(false);
    expect(isEntitled('child', { requesterCivilId: CHILD, target: parentAct })).toBe(false);
  });

  it('lets spouses ask for each other while married, by a note in either margin', () => {
    const married = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: parentAct, target: married })).toBe(true);
    expect(isEntitled('spouse', { requesterCivilId: SPOUSE, requesterAct: married, target: parentAct })).toBe(true);
    expect(isEntitled('spouse', { requesterCivilId: STRANGER, requesterAct: birthAct(STRANGER), target: married })).toBe(false);
  });

  it('ends with a later divorce, in either margin, and starts again with a remarriage', () => {
    const divorcedHere = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01')] });
    const divorcedThere = birthAct(PARENT, {}, { notes: [unionNote('divorce', SPOUSE, '2019-01-10')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: divorcedThere, target: divorcedHere })).toBe(false);
    const remarried = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2015-06-01'), unionNote('marriage', PARENT, '2021-02-02')] });
    expect(isEntitled('spouse', { requesterCivilId: PARENT, requesterAct: divorcedThere, target: remarried })).toBe(true);
  });

  it('refuses any relationship to a death act', () => {
    const death = birthAct(PARENT, {}, { type: 'death' });
    expect(isEntitled('self', { requesterCivilId: PARENT, target: death })).toBe(false);
  });

  it("reads the requester's own act only when the proof is in it", () => {
    expect(['self', 'parent', 'child', 'spouse'].filter((relationship) => needsRequesterAct(relationship as never))).toEqual(['parent', 'spouse']);
  });
});
