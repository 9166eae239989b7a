// A session's rules: the ordinary months, the extraordinary initiative, the agenda's closing, the notice, the
// attendance and the named votes.
import { describe, expect, it } from 'vitest';
import type { CouncilBody } from '../../../functions/councils/domain/council-body.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { addAgendaItem, closeAgenda, convene, openSitting, planSession, voteOnItem, type Session } from '../../../functions/councils/domain/session.ts';
import { startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';

const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);
const body: CouncilBody = {
  id: 'rabat',
  type: 'commune', territory: { province: 'rabat', region: 'rabat-sale-kenitra' },
  name: { ar: 'الرباط', fr: 'Rabat' },
  members: Array.from({ length: 9 }, (_, index) => ({ id: `m${index + 1}`, name: `M ${index + 1}`, role: index === 0 ? ('president' as const) : ('member' as const), inOffice: true, since: '2021-09-20' })),
  groups: [],
  version: 1,
  updatedAt: '2027-01-01T00:00:00.000Z',
};
const settings = defaultCouncilSettings('rabat', 'commune');
const secretary = { sub: 's', role: 'council-secretary' };
const item = { title: 'Budget', text: 'Le budget', itemType: 'budget' as const, origin: 'president' as const, public: true };

function plannedFor(date: string, now: Date): Session {
  const planned = planSession('s1', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre', location: 'Salle', start: at(date, 10).toISOString() }, body, settings, secretary, now).session;
  return closeAgenda(addAgendaItem(planned, item, secretary, now).session, secretary, now).session;
}

describe('a session', () => {
  it('is ordinary only in its months, and extraordinary at the request of one third of the members at least', () => {
    const plan = { kind: 'ordinary' as const, initiative: { by: 'president' as const }, name: 'Mars', location: 'Salle', start: at('2027-03-03', 10).toISOString() };
    expect(() => planSession('s', plan, body, settings, secretary, at('2027-01-01', 9))).toThrow(expect.objectContaining({ code: 'outside-ordinary-months' }));
    const extraordinary = { ...plan, kind: 'extraordinary' as const };
    expect(() => planSession('s', { ...extraordinary, initiative: { by: 'members', members: ['m2', 'm3'] } }, body, settings, secretary, at('2027-01-01', 9))).toThrow(expect.objectContaining({ code: 'initiative-not-qualified' }));
    expect(planSession('s', { ...extraordinary, initiative: { by: 'members', members: ['m2', 'm3', 'm4'] } }, body, settings, secretary, at('2027-01-01', 9)).session.status).toBe('planned');
    expect(() => planSession('s', { ...extraordinary, initiative: { by: 'governor' } }, body, settings, secretary, at('2027-01-01', 9))).toThrow(expect.objectContaining({ code: 'initiative-not-qualified' }));
    const governor = { sub: 'g', role: 'governor' };
    expect(planSession('s', { ...extraordinary, initiative: { by: 'governor' } }, body, settings, governor, at('2027-01-01', 9)).session.initiative.by).toBe('governor');
    expect(() => planSession('s', { ...plan, start: at('2027-10-05', 10).toISOString() }, body, settings, governor, at('2027-01-01', 9))).toThrow(expect.objectContaining({ code: 'initiative-not-qualified' }));
  });

  it('takes no item once its agenda is closed', () => {
    expect(() => addAgendaItem(plannedFor('2027-10-12', at('2027-09-20', 9)), item, secretary, at('2027-09-20', 9))).toThrow(expect.objectContaining({ code: 'agenda-closed' }));
  });

  it('is refused convened with less than 10 days of notice, saying by how many days', () => {
    const session = plannedFor('2027-10-12', at('2027-09-20', 9));
    expect(() => convene(session, settings, secretary, at('2027-10-05', 9))).toThrow(expect.objectContaining({ message: expect.stringContaining('3 days short') }));
    const convened = convene(session, settings, secretary, at('2027-10-02', 9));
    expect(convened.session.convocations[0]!.noticeDays).toBe(10);
    expect(convened.outbox.map((event) => event.type)).toEqual(['council.session-convened']);
  });

  it('refuses a proxy to a member holding one already, and a vote by an absent member or twice', () => {
    const convened = convene(plannedFor('2027-10-12', at('2027-09-20', 9)), settings, secretary, at('2027-09-20', 9)).session;
    expect(() => openSitting(convened, body, settings, { present: ['m1', 'm2'], proxies: [{ from: 'm3', to: 'm2' }, { from: 'm4', to: 'm2' }] }, new Set(), secretary, at('2027-10-12', 10))).toThrow(
      expect.objectContaining({ code: 'proxy-already-held' }),
    );
    const sitting = openSitting(convened, body, settings, { present: ['m1', 'm2', 'm3', 'm4', 'm5'], proxies: [] }, new Set(), secretary, at('2027-10-12', 10)).session;
    expect(sitting.status).toBe('sitting');
    expect(() => voteOnItem(sitting, body, settings, 1, [{ member: 'm6', choice: 'for' }])).toThrow(expect.objectContaining({ code: 'not-a-member' }));
    expect(() => voteOnItem(sitting, body, settings, 1, [{ member: 'm1', choice: 'for' }, { member: 'm1', choice: 'for' }])).toThrow(expect.objectContaining({ code: 'voted-twice' }));
    const vote = voteOnItem(sitting, body, settings, 1, [{ member: 'm1', choice: 'for' }, { member: 'm2', choice: 'against' }]);
    expect(vote.result).toMatchObject({ outcome: 'adopted', tieDecidedByPresident: true, counts: { for: 1, against: 1, 'not-voting': 3 } });
  });
});
