// Who acts for a council: the governor's office only for the councils of its territory (the communes and the
// prefecture or province of its own province, the region council by the wali's region), its secretariat and members
// by the token's collectivity, administrators and auditors for any; and the territory a body gets from reference data.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { actorFor } from '../../../functions/councils/application/council-access.ts';
import { territoryOf, type CouncilBody } from '../../../functions/councils/domain/council-body.ts';

const RSK = 'rabat-sale-kenitra';
const body = (id: string, type: CouncilBody['type'], territory: NonNullable<CouncilBody['territory']>) => ({ id, type, territory });
const tamesna = body('tamesna', 'commune', { province: 'skhirate-temara', region: RSK });
const skhirateTemara = body('skhirate-temara', 'prefecture', { province: 'skhirate-temara', region: RSK });
const fes = body('fes', 'commune', { province: 'fes', region: 'fes-meknes' });
const region = body(RSK, 'region', { region: RSK });
const governorOf = (claims: Pick<Principal, 'province' | 'region'>): Principal => ({ sub: 'g', roles: ['governor'], ...claims });
const GOVERNOR_ROLES = ['council-secretary', 'president', 'governor'] as const;

describe("the governor's territorial scope", () => {
  it('acts for the communes and the prefecture council of its own prefecture', () => {
    const governor = governorOf({ province: 'skhirate-temara' });
    expect(actorFor(governor, tamesna, GOVERNOR_ROLES)).toEqual({ sub: 'g', role: 'governor' });
    expect(actorFor(governor, skhirateTemara, ['governor'])).toEqual({ sub: 'g', role: 'governor' });
  });

  it('is refused a council of another province, with a 403 problem in ar, fr and en', () => {
    const texts = { ar: expect.any(String), fr: expect.any(String), en: expect.any(String) };
    expect(() => actorFor(governorOf({ province: 'skhirate-temara', region: RSK }), fes, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden', localizedDetail: texts }));
  });

  it("acts for the region council by the wali's region, not by a province of that region", () => {
    expect(actorFor(governorOf({ region: RSK }), region, ['governor']).role).toBe('governor');
    expect(() => actorFor(governorOf({ province: 'skhirate-temara' }), region, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => actorFor(governorOf({ region: 'fes-meknes' }), region, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // The region's claim alone reaches no commune: the communes are the governors' of their provinces.
    expect(() => actorFor(governorOf({ region: RSK }), tamesna, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('acts for no body without the claim, nor for a body known only by its code', () => {
    expect(() => actorFor(governorOf({}), tamesna, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => actorFor(governorOf({}), region, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => actorFor(governorOf({ province: 'skhirate-temara' }), 'tamesna', ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // A body stored before territories were derived: no governor acts for it until its next PUT.
    expect(() => actorFor(governorOf({ province: 'skhirate-temara' }), { id: 'tamesna', type: 'commune' }, ['governor'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('leaves administrators and auditors unscoped, and the secretariat scoped by its commune', () => {
    expect(actorFor({ sub: 'a', roles: ['admin'] }, fes, ['governor', 'admin']).role).toBe('admin');
    expect(actorFor({ sub: 'u', roles: ['auditor'] }, 'fes', ['auditor']).role).toBe('auditor');
    expect(actorFor({ sub: 's', roles: ['council-secretary'], commune: 'fes' }, fes, GOVERNOR_ROLES).role).toBe('council-secretary');
    expect(() => actorFor({ sub: 's', roles: ['council-secretary'], commune: 'tamesna' }, fes, GOVERNOR_ROLES)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe("a body's territory from reference data", () => {
  const commune = { province: { code: 'skhirate-temara' }, region: { code: RSK } };
  const province = { code: 'skhirate-temara', region: { code: RSK } };

  it("takes a commune's province and region, a prefecture's or province's own code and region, a region's own code", () => {
    expect(territoryOf('commune', { commune })).toEqual({ province: 'skhirate-temara', region: RSK });
    expect(territoryOf('prefecture', { province })).toEqual({ province: 'skhirate-temara', region: RSK });
    expect(territoryOf('province', { province })).toEqual({ province: 'skhirate-temara', region: RSK });
    expect(territoryOf('region', { region: { code: RSK } })).toEqual({ region: RSK });
  });

  it('has none for a collectivity reference data does not hold for that type', () => {
    expect(territoryOf('commune', {})).toBeUndefined();
    expect(territoryOf('region', { commune })).toBeUndefined();
    expect(territoryOf('arrondissement', { commune })).toBeUndefined();
  });
});
