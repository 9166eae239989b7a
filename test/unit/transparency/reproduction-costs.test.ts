// The reproduction and sending costs: computed line by line from the tariff in force (nothing charged by the
// defaults), stated before delivery and again while unpaid, paid only by the requester, never twice.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ForbiddenError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { answerRequest, openRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { changedTariff, costStatement, defaultTariff, recordPayment, requireCostsDue, stateCosts } from '../../../functions/transparency/domain/reproduction-costs.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';

const citizenActor = { sub: 'citizen-1', role: 'citizen' } as const;
const agent = { sub: 'agent-1', role: 'agent' } as const;
const admin = { sub: 'admin-1', role: 'admin' } as const;
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const now = new Date('2026-06-01T09:00:00Z');
const answerPeriod = { days: 20, extensionDays: 20 };
const received = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: now.toISOString(), answerPeriod, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clarificationSuspendsClock: false, clock: requestClock(answerPeriod, now, new Set()), filedBy: citizen.sub },
  citizenActor,
  now,
).request;
const tariff = changedTariff(defaultTariff('rabat'), { perPaperPage: 50, perMedium: 2000, sending: { post: 1500, email: 0 } }, admin, now);

describe('a cost statement', () => {
  it('adds each line of the tariff in force, and records the version it was computed with', () => {
    const statement = costStatement(tariff, { paperPages: 12, media: 1, sending: 'post' }, now);

    expect(statement.lines.map((line) => [line.item, line.quantity, line.total.amount])).toEqual([['paper-pages', 12, 600], ['media', 1, 2000], ['sending', 1, 1500]]);
    expect(statement).toMatchObject({ total: { amount: 4100, currency: 'MAD' }, tariffVersion: 1, status: 'due' });
  });

  it('is nothing, and paid, under the defaults or for a delivery by e-mail with no copies', () => {
    expect(costStatement(defaultTariff('rabat'), { paperPages: 40, media: 2, sending: 'post' }, now)).toMatchObject({ total: { amount: 0 }, status: 'paid', tariffVersion: 0 });
    expect(costStatement(tariff, { paperPages: 0, media: 0, sending: 'email' }, now).status).toBe('paid');
  });
});

describe('stating and paying the costs', () => {
  const statement = costStatement(tariff, { paperPages: 12, media: 0, sending: 'none' }, now);
  const stated = stateCosts(received, statement, agent, now).request;

  it('is stated before delivery and again while unpaid, never on a refusal or once paid', () => {
    expect(stated.costs).toEqual(statement);
    expect(stateCosts(stated, costStatement(tariff, { paperPages: 10, media: 0, sending: 'none' }, now), agent, now).request.costs!.total.amount).toBe(500);
    const refused = answerRequest(received, { outcome: 'refused', grounds: [{ ground: 'not-held', reason: 'Non' }], at: now.toISOString(), by: agent }, agent, now).request;
    expect(() => stateCosts(refused, statement, agent, now)).toThrow(InvalidStateError);
    const paid = recordPayment(stated, 'PAY-1', citizenActor, now);
    expect(paid.request.costs).toMatchObject({ status: 'paid', payment: { paymentId: 'PAY-1' } });
    expect(paid.event.type).toBe('costs-paid');
    expect(() => stateCosts(paid.request, statement, agent, now)).toThrow(InvalidStateError);
    expect(() => requireCostsDue(paid.request, citizen)).toThrow(InvalidStateError);
  });

  it('is paid by the requester alone', () => {
    expect(requireCostsDue(stated, citizen)).toBe(stated.costs);
    expect(() => requireCostsDue(stated, { sub: 'citizen-2', roles: ['citizen'] })).toThrow(ForbiddenError);
  });
});
