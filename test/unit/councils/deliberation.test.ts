// A deliberation under the governor's control: the opposition window in working days, and enforceability derived
// from the state and the clock.
import { describe, expect, it } from 'vitest';
import { CONTROL_EVENTS, recordDeliberationLapses } from '../../../functions/councils/domain/control-clocks.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { adoptDeliberation, decideVisa, enforceability, oppose, receive, reexamine, transmit, type Deliberation } from '../../../functions/councils/domain/deliberation.ts';
import type { Session } from '../../../functions/councils/domain/session.ts';
import { startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';

const settings = defaultCouncilSettings('rabat', 'commune');
const secretary = { sub: 's', role: 'council-secretary' };
const governor = { sub: 'g', role: 'governor' };
const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);

const adopted: Deliberation = {
  id: 'x.1',
  body: 'rabat',
  sessionId: 'x',
  itemNumber: 1,
  number: '2027/1',
  year: 2027,
  title: 'Jumelage',
  // An item type that needs no visa by default: its enforceability waits for the opposition window alone.
  itemType: 'ordinary',
  public: true,
  text: 'Le budget',
  votes: [],
  result: { outcome: 'adopted', rule: 'votes-cast', required: 1, counts: { for: 1, against: 0, abstain: 0, 'not-voting': 0, conflict: 0 }, tieDecidedByPresident: false },
  adoptedAt: '2027-10-20T10:00:00.000Z',
  state: 'adopted',
  version: 1,
  updatedAt: '2027-10-20T10:00:00.000Z',
};
const session = { closedAt: at('2027-10-20', 12).toISOString() } as Session;

describe('the control of a deliberation', () => {
  it('is transmitted in time within 10 working days of the close, and late after', () => {
    expect(transmit(adopted, session, settings, new Set(), secretary, at('2027-11-03', 10)).deliberation.transmission!.inTime).toBe(true);
    expect(transmit(adopted, session, settings, new Set(), secretary, at('2027-11-04', 10)).deliberation.transmission!.inTime).toBe(false);
  });

  it('takes an opposition until the end of the third working day after the receipt, then refuses it and is enforceable', () => {
    const transmitted = transmit(adopted, session, settings, new Set(), secretary, at('2027-10-21', 10)).deliberation;
    // Received on Friday 22 October; a holiday on Monday 25: Tue 26, Wed 27, Thu 28.
    const received = receive(transmitted, settings, new Set(['2027-10-25']), governor, at('2027-10-22', 10)).deliberation;
    expect(received.receipt!.oppositionClock.dueDate).toBe('2027-10-28');
    expect(enforceability(received, at('2027-10-28', 20))).toEqual({ enforceable: false, reason: 'opposition-window-open' });
    expect(oppose(received, 'Motifs', governor, at('2027-10-28', 20)).deliberation.state).toBe('opposed');
    expect(() => oppose(received, 'Motifs', governor, at('2027-10-29', 9))).toThrow(expect.objectContaining({ code: 'opposition-window-closed' }));
    expect(enforceability(received, at('2027-10-29', 9))).toMatchObject({ enforceable: true });
  });

  it('is not enforceable while opposed, maintained before the court, or withdrawn', () => {
    const transmitted = transmit(adopted, session, settings, new Set(), secretary, at('2027-10-21', 10)).deliberation;
    const received = receive(transmitted, settings, new Set(), governor, at('2027-10-22', 10)).deliberation;
    const opposed = oppose(received, 'Motifs', governor, at('2027-10-25', 10)).deliberation;
    expect(enforceability(opposed, at('2028-01-01', 10))).toEqual({ enforceable: false, reason: 'opposed' });
    expect(enforceability(reexamine(opposed, 'maintained', secretary, at('2027-11-02', 10)).deliberation, at('2028-01-01', 10))).toEqual({ enforceable: false, reason: 'awaiting-court' });
    expect(enforceability(reexamine(opposed, 'withdrawn', secretary, at('2027-11-02', 10)).deliberation, at('2028-01-01', 10))).toEqual({ enforceable: false, reason: 'withdrawn' });
    expect(() => reexamine(received, 'maintained', secretary, at('2027-11-02', 10))).toThrow(expect.objectContaining({ code: 'invalid-state' }));
  });
});

describe("the governor's visa", () => {
  // A loan needs a visa (20 calendar days from the receipt, by default); received on Monday 25 October 2027, its
  // opposition window ends with 28 October and its visa period with 14 November.
  const loan = (): Deliberation => {
    const transmitted = transmit({ ...adopted, itemType: 'loan' }, session, settings, new Set(), secretary, at('2027-10-22', 10)).deliberation;
    return receive(transmitted, settings, new Set(), governor, at('2027-10-25', 10)).deliberation;
  };

  it('given within its period, makes the deliberation enforceable once the opposition window passed, at once if it had', () => {
    const early = decideVisa(loan(), { outcome: 'given' }, governor, at('2027-10-27', 10));
    expect(early.deliberation.visa!.decision).toMatchObject({ outcome: 'given', inTime: true, by: governor });
    expect(early.outbox).toEqual([]);
    expect(enforceability(early.deliberation, at('2027-10-27', 12))).toEqual({ enforceable: false, reason: 'opposition-window-open' });
    const lapsed = recordDeliberationLapses(early.deliberation, at('2027-10-29', 9))!;
    expect(lapsed.deliberation.enforceableSince).toBe(early.deliberation.receipt!.oppositionClock.dueAt);

    const waiting = recordDeliberationLapses(loan(), at('2027-10-29', 9))!.deliberation;
    expect(enforceability(waiting, at('2027-11-02', 9))).toEqual({ enforceable: false, reason: 'visa-period-running' });
    const given = decideVisa(waiting, { outcome: 'given' }, governor, at('2027-11-02', 9));
    expect(given.deliberation.enforceableSince).toBe(at('2027-11-02', 9).toISOString());
    expect(given.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.enforceable })]);
  });

  it('refused with reasons, leaves the deliberation never enforceable; refused after its period, it is 409', () => {
    expect(() => decideVisa(loan(), { outcome: 'refused' }, governor, at('2027-10-27', 10))).toThrow(expect.objectContaining({ code: 'validation-failed' }));
    const refused = decideVisa(loan(), { outcome: 'refused', reasons: "Capacité d'endettement dépassée" }, governor, at('2027-10-27', 10)).deliberation;
    expect(enforceability(refused, at('2028-01-01', 10))).toEqual({ enforceable: false, reason: 'visa-refused' });
    expect(recordDeliberationLapses(refused, at('2028-01-01', 10))!.deliberation.enforceableSince).toBeUndefined();
    expect(() => decideVisa(refused, { outcome: 'given' }, governor, at('2027-10-28', 10))).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    expect(() => decideVisa(loan(), { outcome: 'refused', reasons: 'Trop tard' }, governor, at('2027-11-16', 10))).toThrow(expect.objectContaining({ code: 'visa-period-passed' }));
    // Given after the period it is recorded, the visa having been given tacitly when the period passed.
    const late = decideVisa(loan(), { outcome: 'given' }, governor, at('2027-11-16', 10)).deliberation;
    expect(late.visa!.decision!.inTime).toBe(false);
    expect(enforceability(late, at('2027-11-16', 11))).toEqual({ enforceable: true, since: late.visa!.clock.dueAt });
    expect(() => decideVisa(receive(transmit(adopted, session, settings, new Set(), secretary, at('2027-10-22', 10)).deliberation, settings, new Set(), governor, at('2027-10-25', 10)).deliberation, { outcome: 'given' }, governor, at('2027-10-26', 10))).toThrow(expect.objectContaining({ code: 'invalid-state' }));
  });
});

describe('the decision event', () => {
  const vote = (open: boolean) => ({ item: { number: 2, title: 'Transaction avec M. X', text: 'Le détail', itemType: 'ordinary', public: open }, votes: [], result: adopted.result }) as unknown as Parameters<typeof adoptDeliberation>[1];

  it("tells other contexts a public item's title, and of a closed item only that it was decided and how", () => {
    const [open] = adoptDeliberation({ id: 'x', body: 'rabat' } as Session, vote(true), 3, 2027, secretary, at('2027-10-20', 11)).outbox;
    const [closed] = adoptDeliberation({ id: 'x', body: 'rabat' } as Session, vote(false), 4, 2027, secretary, at('2027-10-20', 11)).outbox;

    expect(open!.data).toMatchObject({ number: '2027/3', title: 'Transaction avec M. X', public: true, outcome: 'adopted' });
    expect(closed!.data).toMatchObject({ number: '2027/4', public: false, outcome: 'adopted', counts: adopted.result.counts });
    expect(JSON.stringify(closed!.data)).not.toContain('Transaction');
  });
});
