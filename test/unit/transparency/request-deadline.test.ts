// The deadline check of a request: it records the implicit refusal once the due instant has passed, and when an
// agent's answer was written in the same instant (a conflict), it reads the request again and records nothing.
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/shared/errors/domain-errors.ts';
import { checkRequestDeadline } from '../../../functions/transparency/application/request-deadline.use-cases.ts';
import type { TransparencyRepository } from '../../../functions/transparency/application/transparency.ports.ts';
import { answerRequest, openRequest, type InformationRequest, type RequestChange } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';

const receivedAt = new Date('2026-06-01T09:00:00Z');
const period = { days: 3, extensionDays: 3 };
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const open = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: receivedAt.toISOString(), answerPeriod: period, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clarificationSuspendsClock: false, clock: requestClock(period, receivedAt, new Set()), filedBy: citizen.sub },
  citizen,
  receivedAt,
).request;
const afterDue = new Date(Date.parse(open.clock.dueAt) + 1);

/** A repository that hands out `reads` in turn and refuses the first `conflicts` saves. */
function repositoryOf(reads: InformationRequest[], conflicts: number): TransparencyRepository & { readonly saved: RequestChange[] } {
  const saved: RequestChange[] = [];
  let refused = 0;
  return {
    saved,
    get: async () => reads.shift(),
    save: async (change: RequestChange) => {
      if (refused < conflicts) {
        refused += 1;
        throw new ConflictError({ ar: 'x', fr: 'x', en: 'changed meanwhile' });
      }
      saved.push(change);
    },
  } as unknown as TransparencyRepository & { readonly saved: RequestChange[] };
}

describe('the deadline check of a request', () => {
  it('records the implicit refusal once the due instant has passed', async () => {
    const repository = repositoryOf([open], 0);

    expect(await checkRequestDeadline(repository, open.id, afterDue)).toEqual({ subject: open.id, state: 'lapsed' });
    expect(repository.saved.map((change) => change.event.type)).toEqual(['implicitly-refused']);
  });

  it('keeps sleeping until just after the due instant while the clock runs', async () => {
    const repository = repositoryOf([open], 0);

    expect(await checkRequestDeadline(repository, open.id, receivedAt)).toEqual({ subject: open.id, state: 'running', wakeAt: new Date(Date.parse(open.clock.dueAt) + 1).toISOString() });
    expect(repository.saved).toEqual([]);
  });

  it('reads again after losing to an answer written in the same instant, and records nothing', async () => {
    const agent = { sub: 'agent-1', role: 'agent' } as const;
    const answered = answerRequest(open, { outcome: 'full', summary: 'Joint', format: 'electronic', at: open.clock.dueAt, by: agent }, agent, new Date(open.clock.dueAt)).request;
    const repository = repositoryOf([open, answered], 1);

    expect(await checkRequestDeadline(repository, open.id, afterDue)).toEqual({ subject: open.id, state: 'closed' });
    expect(repository.saved).toEqual([]);
  });

  it('ends the workflow of a request that is gone', async () => {
    expect(await checkRequestDeadline(repositoryOf([], 0), 'gone', afterDue)).toEqual({ subject: 'gone', state: 'closed' });
  });
});
