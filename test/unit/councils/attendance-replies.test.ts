// Members' replies to a convocation, given ahead: a proxy only to another member in office who holds none and is
// coming, none once the sitting opened; the sitting takes the proxies given ahead unless the room records its own.
import { describe, expect, it } from 'vitest';
import { replyToConvocation } from '../../../functions/councils/domain/attendance-replies.ts';
import type { CouncilBody } from '../../../functions/councils/domain/council-body.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { addAgendaItem, closeAgenda, convene, openSitting, planSession, type Session } from '../../../functions/councils/domain/session.ts';
import { startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';

const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);
const body: CouncilBody = {
  id: 'rabat',
  type: 'commune', territory: { province: 'rabat', region: 'rabat-sale-kenitra' },
  name: { ar: 'الرباط', fr: 'Rabat' },
  members: [
    ...Array.from({ length: 7 }, (_, index) => ({ id: `m${index + 1}`, name: `M ${index + 1}`, role: index === 0 ? ('president' as const) : ('member' as const), inOffice: true, since: '2021-09-20' })),
    { id: 'm8', name: 'M 8', role: 'member' as const, inOffice: false, since: '2021-09-20', until: '2024-01-01' },
  ],
  groups: [],
  version: 1,
  updatedAt: '2027-01-01T00:00:00.000Z',
};
const settings = defaultCouncilSettings('rabat', 'commune');
const secretary = { sub: 's', role: 'council-secretary' };
const member = (id: string) => ({ sub: `sub-${id}`, role: 'council-member' });
const now = at('2027-10-01', 9);

function planned(): Session {
  const session = planSession('s1', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre', location: 'Salle', start: at('2027-10-12', 10).toISOString() }, body, settings, secretary, at('2027-09-20', 9)).session;
  return closeAgenda(addAgendaItem(session, { title: 'Budget', text: 'Le budget', itemType: 'budget', origin: 'president', public: true }, secretary, now).session, secretary, now).session;
}
const convened = () => convene(planned(), settings, secretary, now).session;
const reply = (session: Session, id: string, given: Parameters<typeof replyToConvocation>[3]) => replyToConvocation(session, body, id, given, member(id), now).session;

describe("a member's reply to a convocation", () => {
  it('is taken for a convened meeting only, the latest counting', () => {
    expect(() => reply(planned(), 'm2', { reply: 'attending' })).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    const first = replyToConvocation(convened(), body, 'm2', { reply: 'absent' }, member('m2'), now);
    expect(first.event.type).toBe('attendance-reply-absent');
    const changed = reply(first.session, 'm2', { reply: 'attending' });
    expect(changed.replies).toEqual([{ round: 1, member: 'm2', reply: 'attending', at: now.toISOString() }]);
  });

  it('refuses a proxy to a non-member, to oneself, to a member holding one or not coming, and from a member holding one', () => {
    const session = reply(convened(), 'm4', { reply: 'proxy', proxyTo: 'm2' });
    expect(() => reply(session, 'm5', { reply: 'proxy', proxyTo: 'm2' })).toThrow(expect.objectContaining({ code: 'proxy-already-held' }));
    expect(() => reply(session, 'm5', { reply: 'proxy', proxyTo: 'm5' })).toThrow(expect.objectContaining({ code: 'validation-failed' }));
    expect(() => reply(session, 'm5', { reply: 'proxy', proxyTo: 'm8' })).toThrow(expect.objectContaining({ code: 'not-a-member' }));
    expect(() => reply(session, 'm5', { reply: 'proxy' })).toThrow(expect.objectContaining({ code: 'validation-failed' }));
    expect(() => reply(session, 'm2', { reply: 'absent' })).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    expect(() => reply(reply(session, 'm6', { reply: 'absent' }), 'm5', { reply: 'proxy', proxyTo: 'm6' })).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    // Withdrawn (another reply), the proxy frees its holder.
    expect(reply(reply(session, 'm4', { reply: 'attending' }), 'm5', { reply: 'proxy', proxyTo: 'm2' }).replies).toHaveLength(2);
  });

  it('gives the sitting its proxies unless the room records its own, and is refused once the sitting opened', () => {
    const session = reply(reply(convened(), 'm4', { reply: 'proxy', proxyTo: 'm2' }), 'm5', { reply: 'proxy', proxyTo: 'm3' });
    const opening = at('2027-10-12', 10);
    // m3 is not in the room: the proxy m5 gave them lapses.
    const opened = openSitting(session, body, settings, { present: ['m1', 'm2', 'm6', 'm7'] }, new Set(), secretary, opening).session;
    expect(opened.sittings[0]!.proxies).toEqual([{ from: 'm4', to: 'm2' }]);
    const recorded = openSitting(session, body, settings, { present: ['m1', 'm2', 'm3', 'm6'], proxies: [] }, new Set(), secretary, opening).session;
    expect(recorded.sittings[0]!.proxies).toEqual([]);
    expect(() => reply(opened, 'm6', { reply: 'absent' })).toThrow(expect.objectContaining({ code: 'invalid-state' }));
  });
});
