// Members' requests to add an item: asked while the agenda is open, accepted into the agenda with origin `members` or
// refused with reasons, once, the request kept with its outcome.
import { describe, expect, it } from 'vitest';
import type { CouncilBody } from '../../../functions/councils/domain/council-body.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { decideItemRequest, requestItem } from '../../../functions/councils/domain/item-requests.ts';
import { addAgendaItem, closeAgenda, planSession } from '../../../functions/councils/domain/session.ts';

const now = new Date('2027-09-20T09:00:00Z');
const body: CouncilBody = { id: 'rabat', type: 'commune', territory: { province: 'rabat', region: 'rabat-sale-kenitra' }, name: { ar: 'الرباط', fr: 'Rabat' }, members: [{ id: 'm1', name: 'M 1', role: 'president', inOffice: true, since: '2021-09-20' }], groups: [], version: 1, updatedAt: '2027-01-01T00:00:00.000Z' };
const secretary = { sub: 's1', role: 'council-secretary' };
const member = { sub: 'sub-m2', role: 'council-member' };
const asked = { title: 'Éclairage', text: "Extension de l'éclairage public", itemType: 'ordinary' as const, public: true };

const planned = () =>
  addAgendaItem(planSession('s1', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre', location: 'Salle', start: '2027-10-12T10:00:00+01:00' }, body, defaultCouncilSettings('rabat', 'commune'), secretary, now).session, { ...asked, title: 'Budget', origin: 'president' }, secretary, now).session;

describe("a member's request for an agenda item", () => {
  it('is asked while the agenda is open only', () => {
    const requested = requestItem(planned(), 'm2', asked, member, now);
    expect(requested.event.type).toBe('item-requested');
    expect(requested.session.itemRequests).toEqual([{ number: 1, member: 'm2', ...asked, askedAt: now.toISOString(), status: 'pending' }]);
    expect(requested.session.agenda).toHaveLength(1);
    expect(() => requestItem(closeAgenda(planned(), secretary, now).session, 'm2', asked, member, now)).toThrow(expect.objectContaining({ code: 'agenda-closed' }));
  });

  it('accepted, joins the agenda with origin members; refused, keeps its reasons; decided once', () => {
    const requested = requestItem(requestItem(planned(), 'm2', asked, member, now).session, 'm3', { ...asked, title: 'Marché' }, member, now).session;
    const accepted = decideItemRequest(requested, 1, { outcome: 'accepted' }, secretary, now);
    expect(accepted.event.type).toBe('item-request-accepted');
    expect(accepted.session.agenda[1]).toMatchObject({ number: 2, title: 'Éclairage', origin: 'members', public: true });
    expect(accepted.session.itemRequests![0]).toMatchObject({ status: 'accepted', decision: { by: secretary, itemNumber: 2 } });
    expect(() => decideItemRequest(accepted.session, 1, { outcome: 'refused', reasons: 'Non' }, secretary, now)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    expect(() => decideItemRequest(accepted.session, 2, { outcome: 'refused' }, secretary, now)).toThrow(expect.objectContaining({ code: 'validation-failed' }));
    const refused = decideItemRequest(accepted.session, 2, { outcome: 'refused', reasons: "Compétence de l'arrondissement" }, secretary, now).session;
    expect(refused.itemRequests![1]).toMatchObject({ status: 'refused', decision: { reasons: "Compétence de l'arrondissement" } });
    expect(refused.agenda).toHaveLength(2);
    expect(() => decideItemRequest(refused, 3, { outcome: 'accepted' }, secretary, now)).toThrow(expect.objectContaining({ code: 'not-found' }));
    // Accepting needs the agenda still open.
    const pending = requestItem(planned(), 'm2', asked, member, now).session;
    expect(() => decideItemRequest(closeAgenda(pending, secretary, now).session, 1, { outcome: 'accepted' }, secretary, now)).toThrow(expect.objectContaining({ code: 'agenda-closed' }));
  });
});
