import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import {
  DeadlineLapsedError,
  DeadlineNotLapsedError,
  ExtensionRefusedError,
  clockStatus,
  decide,
  extendDeadline,
  filePermit,
  giveOpinion,
  invokeDeemedApproval,
  provideDocuments,
  recordLapse,
  requestDocuments,
  type Permit,
  type PermitProcedure,
} from '../../../functions/permits/domain/permit.ts';

// Morocco is at UTC+0 in the winter of 2026-27 by the runtime's tz data; noon UTC is safely inside each day.
const at = (date: string) => new Date(`${date}T12:00:00Z`);
const NO_HOLIDAYS = new Set<string>();
const agent = { sub: 'agent-1', role: 'agent' };
const president = { sub: 'president-1', role: 'president' };
const applicant = { sub: 'citizen-1', role: 'citizen' };

const buildingSmall: PermitProcedure = {
  code: 'building-small',
  names: { ar: 'رخصة البناء', fr: 'Permis de construire' },
  category: 'urbanism',
  period: { days: 15, unit: 'calendar' },
  deemedApproval: 'on-request',
};

function filedOn(date: string, procedure: PermitProcedure = buildingSmall): Permit {
  return filePermit(
    {
      id: '00000000-0000-4000-8000-000000000001',
      receiptNumber: 'RCP-RABAT-2026-00000000',
      procedure,
      commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
      applicant: applicant.sub,
      project: { title: 'Maison', address: '12 rue X' },
    },
    NO_HOLIDAYS,
    at(date),
  ).permit;
}

describe('filing', () => {
  it('starts the clock the day after receipt: 15 calendar days from Tuesday 1 December 2026 end on Wednesday 16 December', () => {
    const permit = filedOn('2026-12-01');

    expect(permit).toMatchObject({ status: 'filed', version: 1, clock: { receiptDate: '2026-12-01', dueDate: '2026-12-16' } });
    expect(clockStatus(permit, at('2026-12-16'))).toBe('running');
    expect(clockStatus(permit, at('2026-12-17'))).toBe('lapsed');
  });
});

describe('document requests', () => {
  it('stop the clock and, once answered, push the deadline by every suspended day, both ends counted', () => {
    const filed = filedOn('2026-12-01');

    const requested = requestDocuments(filed, { documents: ['plan'], note: 'missing plan' }, agent, NO_HOLIDAYS, at('2026-12-03'));
    const provided = provideDocuments(requested.permit, [], applicant, NO_HOLIDAYS, at('2026-12-07'));

    expect(requested.permit.status).toBe('awaiting-documents');
    expect(clockStatus(requested.permit, at('2027-03-01'))).toBe('suspended');
    expect(provided.permit.clock.suspensions).toEqual([{ from: '2026-12-03', to: '2026-12-07' }]);
    expect(provided.permit.clock.dueDate).toBe('2026-12-21');
    expect(provided.event).toMatchObject({ type: 'documents-provided', version: 3, clockBefore: { status: 'suspended' }, clockAfter: { status: 'running', dueDate: '2026-12-21' } });
  });

  it('cannot be answered when none were requested', () => {
    expect(() => provideDocuments(filedOn('2026-12-01'), [], applicant, NO_HOLIDAYS, at('2026-12-02'))).toThrow(InvalidStateError);
  });
});

describe('the extension', () => {
  it('adds its days once', () => {
    const extended = extendDeadline(filedOn('2026-12-01'), { days: 10, reason: 'public enquiry' }, agent, NO_HOLIDAYS, at('2026-12-10'));

    expect(extended.permit.clock.dueDate).toBe('2026-12-28');
    expect(() => extendDeadline(extended.permit, { days: 1, reason: 'again' }, agent, NO_HOLIDAYS, at('2026-12-11'))).toThrow(ExtensionRefusedError);
  });

  it('may not exceed the original period', () => {
    expect(() => extendDeadline(filedOn('2026-12-01'), { days: 16, reason: 'too long' }, agent, NO_HOLIDAYS, at('2026-12-02'))).toThrow(ExtensionRefusedError);
  });

  it('comes too late once the deadline has passed', () => {
    expect(() => extendDeadline(filedOn('2026-12-01'), { days: 5, reason: 'late' }, agent, NO_HOLIDAYS, at('2026-12-17'))).toThrow(DeadlineLapsedError);
  });
});

describe('the decision', () => {
  it('closes the file before the deadline', () => {
    const decided = decide(filedOn('2026-12-01'), { outcome: 'approved', reasons: 'conform' }, president, at('2026-12-16'));

    expect(decided.permit.status).toBe('approved');
    expect(clockStatus(decided.permit, at('2027-01-01'))).toBe('stopped');
  });

  it('is refused after the deadline, even before the lapse is recorded: the silence decided', () => {
    expect(() => decide(filedOn('2026-12-01'), { outcome: 'rejected', reasons: 'late' }, president, at('2026-12-17'))).toThrow(DeadlineLapsedError);
  });

  it('is refused on a lapsed permit', () => {
    const lapsed = recordLapse(filedOn('2026-12-01'), 'CDA-1', at('2026-12-17')).permit;

    expect(() => decide(lapsed, { outcome: 'rejected', reasons: 'late' }, president, at('2026-12-18'))).toThrow(DeadlineLapsedError);
  });
});

describe('opinions', () => {
  it('are kept in the order given', () => {
    const first = giveOpinion(filedOn('2026-12-01'), { verdict: 'favorable', comment: 'ok' }, { sub: 'c-1', role: 'commission' }, at('2026-12-02'));
    const second = giveOpinion(first.permit, { verdict: 'reserved', comment: 'height' }, { sub: 'c-2', role: 'commission' }, at('2026-12-03'));

    expect(second.permit.opinions.map((opinion) => opinion.verdict)).toEqual(['favorable', 'reserved']);
  });
});

describe('the lapse and deemed approval', () => {
  it('records the lapse only once the deadline has passed', () => {
    expect(() => recordLapse(filedOn('2026-12-01'), 'CDA-1', at('2026-12-16'))).toThrow(DeadlineNotLapsedError);
    expect(recordLapse(filedOn('2026-12-01'), 'CDA-1', at('2026-12-17')).permit.status).toBe('deemed-approval-available');
  });

  it('approves at once when the procedure grants deemed approval automatically', () => {
    const automatic = filedOn('2026-12-01', { ...buildingSmall, deemedApproval: 'automatic' });

    const lapse = recordLapse(automatic, 'CDA-1', at('2026-12-17'));

    expect(lapse.permit).toMatchObject({ status: 'deemed-approved', deemedApproval: { automatic: true, certificateNumber: 'CDA-1' } });
    expect(lapse.event.by.role).toBe('system');
  });

  it('lets the applicant alone invoke deemed approval, and only after the lapse', () => {
    const filed = filedOn('2026-12-01');
    const lapsed = recordLapse(filed, 'CDA-1', at('2026-12-17')).permit;

    expect(() => invokeDeemedApproval(filed, 'CDA-1', applicant, at('2026-12-10'))).toThrow(DeadlineNotLapsedError);
    expect(() => invokeDeemedApproval(lapsed, 'CDA-1', { sub: 'someone-else', role: 'citizen' }, at('2026-12-18'))).toThrow(ForbiddenError);
    expect(invokeDeemedApproval(lapsed, 'CDA-1', applicant, at('2026-12-18')).permit.status).toBe('deemed-approved');
  });
});
