// Family links grant rights only once the office holding the other person's act has confirmed them (issue 10, item D).
import { describe, expect, it } from 'vitest';
import { confirmParentLink, namesMatch, parentLinkRequest } from '../../../functions/civil-status/domain/family-links.ts';
import { areMarried, parentCivilIds } from '../../../functions/civil-status/public.ts';
import { registerActRoute } from '../../../functions/civil-status/schemas/civil-status.schema.ts';
import { birthAct, unionNote } from '../../fixtures/civil-status/acts.ts';

const PARENT = '1000000013';
const SPOUSE = '2000000010';
const CHILD = '3000000014';
const now = new Date('2026-12-01T10:00:00Z');

describe('family links', () => {
  it('answers only the parents whose link is confirmed', () => {
    const claimed = birthAct(CHILD, { father: { givenName: { latin: 'Ahmed' }, civilId: PARENT, linkStatus: 'claimed' } });
    const confirmed = birthAct(CHILD, { father: { givenName: { latin: 'Ahmed' }, civilId: PARENT, linkStatus: 'confirmed' } });
    const unstated = birthAct(CHILD, { father: { givenName: { latin: 'Ahmed' }, civilId: PARENT } });
    expect(parentCivilIds(claimed)).toEqual([]);
    expect(parentCivilIds(unstated)).toEqual([]);
    expect(parentCivilIds(confirmed)).toEqual([PARENT]);
  });

  it('marries two people only when both margins carry the marriage, and a divorce in either margin ends it', () => {
    const husband = birthAct(PARENT, {}, { notes: [unionNote('marriage', SPOUSE, '2010-01-01')] });
    const wifeUnconfirmed = birthAct(SPOUSE);
    const wife = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2010-01-01')] });
    expect(areMarried(husband, wifeUnconfirmed)).toBe(false);
    expect(areMarried(wifeUnconfirmed, husband)).toBe(false);
    expect(areMarried(husband, wife)).toBe(true);
    const divorcedOnOneSide = birthAct(SPOUSE, {}, { notes: [unionNote('marriage', PARENT, '2010-01-01'), unionNote('divorce', PARENT, '2015-01-01')] });
    expect(areMarried(husband, divorcedOnOneSide)).toBe(false);
  });

  it('matches names across spellings of one script, not other names', () => {
    const person = { givenName: { ar: 'خَديجة', latin: 'Khadija' }, familyName: { ar: 'العلوي', latin: 'El-Alaoui' } };
    expect(namesMatch({ givenName: { ar: 'خديجة' }, familyName: { latin: 'el alaoui' } }, person)).toBe(true);
    expect(namesMatch({ givenName: { latin: 'Nadia' }, familyName: { latin: 'El Alaoui' } }, person)).toBe(false);
    expect(namesMatch({ givenName: { latin: 'Khadija' }, familyName: { latin: 'Berrada' } }, person)).toBe(false);
  });

  it("confirms a parent link on the child's act, by the parent's office only", () => {
    const parent = birthAct(PARENT, {}, { office: 'RBT-HASSAN' });
    const child = birthAct(CHILD, { father: { givenName: { latin: 'Ahmed' }, civilId: PARENT, linkStatus: 'claimed' } }, { office: 'FES-AGDAL' });
    const request = parentLinkRequest(child, 'father', { ...parent, person: { ...parent.person, civilId: PARENT } }, 'note-1', { sub: 'r-fes', office: 'FES-AGDAL' }, now);
    expect(request).toMatchObject({ kind: 'parent-link', targetOffice: 'RBT-HASSAN', status: 'delivered' });
    expect(() => confirmParentLink(child, request, { sub: 'r-fes', office: 'FES-AGDAL' }, now)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const { change, note } = confirmParentLink(child, request, { sub: 'r-rabat', office: 'RBT-HASSAN' }, now);
    expect(parentCivilIds(change.act)).toEqual([PARENT]);
    expect(change).toMatchObject({ act: { version: 2 }, action: { type: 'link-confirmed', version: 2 } });
    expect(note.status).toBe('applied');
  });

  it('refuses a parent identifier whose check digit is wrong (400 before any lookup)', () => {
    const person = { givenName: { latin: 'Omar' }, familyName: { latin: 'Alaoui' }, sex: 'M', birthDate: '2000-01-01', birthPlace: { latin: 'Fès' } };
    const mistyped = `${PARENT.slice(0, 9)}${(Number(PARENT[9]) + 1) % 10}`;
    const parsed = registerActRoute.body!.safeParse({
      type: 'birth',
      legacy: { office: 'FES-AGDAL', year: 2000, register: 'R1', number: 1 },
      person: { ...person, mother: { givenName: { latin: 'Khadija' }, civilId: mistyped } },
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['person', 'mother', 'civilId']);
  });
});
