import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtensionRefusedError } from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { computeDeadline } from '../../../functions/shared/statutory-clock/statutory-clock.ts';
import { moroccanDate } from '../../../functions/shared/time/morocco-time.ts';
import { ChecksumMismatchError, ForbiddenError, InvalidStateError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';
import {
  DeadlineLapsedError,
  DeadlineNotLapsedError,
  caseStanding,
  clockExplanation,
  clockStatus,
  decide,
  declareDocuments,
  extendDeadline,
  filePermit,
  giveOpinion,
  invokeDeemedApproval,
  recordLapse,
  recountDeadline,
  requestDocuments,
  verifiedDocument,
  verifyDocument,
  type Permit,
  type PermitProcedure,
} from '../../../functions/permits/domain/permit.ts';
import { permitEvents } from '../../../functions/permits/domain/permit-events.ts';

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

const PLAN_SHA = 'a'.repeat(64);
const SURVEY_SHA = 'b'.repeat(64);
const declaration = (id: string, name: string, sha256: string) => ({ id, name, contentType: 'application/pdf', sha256 });

function awaitingPlanAndSurvey() {
  const requested = requestDocuments(filedOn('2026-12-01'), { documents: ['plan', 'survey'], note: 'missing plan and survey' }, agent, NO_HOLIDAYS, at('2026-12-03'));
  return declareDocuments(requested.permit, [declaration('doc-plan', 'plan', PLAN_SHA), declaration('doc-survey', 'survey', SURVEY_SHA)], applicant, at('2026-12-04')).permit;
}

describe('document requests', () => {
  it('stop the clock and, once every document is verified, push the deadline by every suspended day, both ends counted', () => {
    const filed = filedOn('2026-12-01');

    const requested = requestDocuments(filed, { documents: ['plan'], note: 'missing plan' }, agent, NO_HOLIDAYS, at('2026-12-03'));
    const declared = declareDocuments(requested.permit, [declaration('doc-plan', 'plan', PLAN_SHA)], applicant, at('2026-12-04'));
    const resumedAt = new Date('2026-12-07T10:15:30.000Z');
    const provided = verifyDocument(declared.permit, 'doc-plan', { sha256: PLAN_SHA, sizeBytes: 12 }, applicant, NO_HOLIDAYS, resumedAt)!;

    expect(requested.permit.status).toBe('awaiting-documents');
    expect(clockStatus(requested.permit, at('2027-03-01'))).toBe('suspended');
    expect(declared.permit.status).toBe('awaiting-documents');
    expect(provided.permit.clock.suspensions).toEqual([{ from: '2026-12-03', to: '2026-12-07', startedAt: at('2026-12-03').toISOString(), endedAt: resumedAt.toISOString() }]);
    expect(provided.permit.clock.dueDate).toBe('2026-12-21');
    expect(provided.permit.documents).toMatchObject([{ id: 'doc-plan', status: 'verified', verifiedAt: resumedAt.toISOString(), sizeBytes: 12 }]);
    expect(provided.event).toMatchObject({
      type: 'documents-provided',
      version: 4,
      details: { suspensionEndedAt: resumedAt.toISOString() },
      clockBefore: { status: 'suspended' },
      clockAfter: { status: 'running', dueDate: '2026-12-21' },
    });
  });

  it('keep the clock stopped while only some requested documents are verified', () => {
    const permit = awaitingPlanAndSurvey();

    const planOnly = verifyDocument(permit, 'doc-plan', { sha256: PLAN_SHA, sizeBytes: 12 }, applicant, NO_HOLIDAYS, at('2026-12-05'))!;

    expect(planOnly.event.type).toBe('document-verified');
    expect(planOnly.permit.status).toBe('awaiting-documents');
    expect(planOnly.permit.clock.suspensions[0]?.to).toBeUndefined();
  });

  it('resume the clock on the day the last requested document is verified, not the day the files were declared', () => {
    const permit = awaitingPlanAndSurvey();
    const planOnly = verifyDocument(permit, 'doc-plan', { sha256: PLAN_SHA, sizeBytes: 12 }, applicant, NO_HOLIDAYS, at('2026-12-05'))!;

    const complete = verifyDocument(planOnly.permit, 'doc-survey', { sha256: SURVEY_SHA, sizeBytes: 30 }, applicant, NO_HOLIDAYS, at('2026-12-09'))!;

    expect(complete.permit.status).toBe('filed');
    expect(complete.permit.clock.suspensions[0]).toMatchObject({ from: '2026-12-03', to: '2026-12-09' });
    expect(complete.permit.documents.map((document) => document.name)).toEqual(['plan', 'survey']);
    expect(complete.permit.documentRequest).toBeUndefined();
  });

  it('refuse an upload whose SHA-256 is not the declared one: it does not count', () => {
    const permit = awaitingPlanAndSurvey();

    expect(() => verifyDocument(permit, 'doc-plan', { sha256: 'c'.repeat(64), sizeBytes: 12 }, applicant, NO_HOLIDAYS, at('2026-12-05'))).toThrow(ChecksumMismatchError);
    expect(() => verifiedDocument(permit, 'doc-plan')).toThrow(InvalidStateError);
  });

  it('do not count a declared file that was never uploaded', () => {
    expect(() => verifyDocument(awaitingPlanAndSurvey(), 'doc-plan', undefined, applicant, NO_HOLIDAYS, at('2026-12-05'))).toThrow(InvalidStateError);
  });

  it('take only files answering a requested document', () => {
    const requested = requestDocuments(filedOn('2026-12-01'), { documents: ['plan'], note: 'missing plan' }, agent, NO_HOLIDAYS, at('2026-12-03'));

    expect(() => declareDocuments(requested.permit, [declaration('doc-x', 'holiday photos', PLAN_SHA)], applicant, at('2026-12-04'))).toThrow(ValidationFailedError);
  });

  it('cannot be answered when none were requested', () => {
    expect(() => declareDocuments(filedOn('2026-12-01'), [declaration('doc-plan', 'plan', PLAN_SHA)], applicant, at('2026-12-02'))).toThrow(InvalidStateError);
  });
});

describe('the explanation', () => {
  it('recomputed from the clock state is the one counted with every holiday, for any holidays and suspensions', () => {
    const day = (offset: number) => new Date(Date.parse('2026-12-01T12:00:00Z') + offset * 86_400_000);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -10, max: 200 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('calendar' as const, 'working' as const),
        fc.option(fc.record({ start: fc.integer({ min: 1, max: 10 }), length: fc.option(fc.integer({ min: 0, max: 20 })) })),
        (offsets, days, unit, suspension) => {
          const holidays = new Set(offsets.map((offset) => moroccanDate(day(offset))));
          let permit = filePermit(
            {
              id: '00000000-0000-4000-8000-000000000003',
              receiptNumber: 'RCP-RABAT-2026-00000000',
              procedure: { ...buildingSmall, period: { days, unit } },
              commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
              applicant: applicant.sub,
              project: { title: 'Maison', address: '12 rue X' },
            },
            holidays,
            day(0),
          ).permit;
          if (suspension) {
            // Documents are requested before the deadline: at the latest on the last day of the period.
            const start = Math.min(suspension.start, days);
            permit = requestDocuments(permit, { documents: ['plan'], note: 'plan' }, agent, holidays, day(start)).permit;
            if (suspension.length !== null) {
              permit = declareDocuments(permit, [declaration('doc-plan', 'plan', PLAN_SHA)], applicant, day(start)).permit;
              permit = verifyDocument(permit, 'doc-plan', { sha256: PLAN_SHA, sizeBytes: 1 }, applicant, holidays, day(start + suspension.length))!.permit;
            }
          }
          const counted = computeDeadline({
            period: permit.clock.period,
            receiptDate: permit.clock.receiptDate,
            holidays,
            suspensions: permit.clock.suspensions,
            asOf: permit.clock.countedOn,
          });
          expect(clockExplanation(permit.clock)).toEqual(counted.explanation);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is recomputed from the clock state alone, holidays met included', () => {
    const holidays = new Set(['2026-11-18', '2026-12-10', '2027-01-01']);
    const filed = filePermit(
      {
        id: '00000000-0000-4000-8000-000000000002',
        receiptNumber: 'RCP-RABAT-2026-00000000',
        procedure: { ...buildingSmall, period: { days: 10, unit: 'working' } },
        commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
        applicant: applicant.sub,
        project: { title: 'Maison', address: '12 rue X' },
      },
      holidays,
      at('2026-12-01'),
    ).permit;

    expect(filed.clock.holidays).toEqual(['2026-12-10']);
    expect(clockExplanation(filed.clock).map((step) => step.code)).toContain('non-working-day');
    expect(clockExplanation(filed.clock).at(-1)).toMatchObject({ code: 'due', date: filed.clock.dueDate });
  });
});

describe('the extension', () => {
  it('adds its days once', () => {
    const extended = extendDeadline(filedOn('2026-12-01'), { days: 10, reason: 'public enquiry' }, agent, NO_HOLIDAYS, at('2026-12-10'));

    expect(extended.permit.clock.dueDate).toBe('2026-12-28');
    expect(extended.permit.clock.extension).toEqual({ days: 10, reason: 'public enquiry', grantedOn: '2026-12-10' });
    expect(() => extendDeadline(extended.permit, { days: 1, reason: 'again' }, agent, NO_HOLIDAYS, at('2026-12-11'))).toThrow(ExtensionRefusedError);
  });

  it('may not exceed the original period', () => {
    expect(() => extendDeadline(filedOn('2026-12-01'), { days: 16, reason: 'too long' }, agent, NO_HOLIDAYS, at('2026-12-02'))).toThrow(ExtensionRefusedError);
  });

  it('comes too late once the deadline has passed', () => {
    expect(() => extendDeadline(filedOn('2026-12-01'), { days: 5, reason: 'late' }, agent, NO_HOLIDAYS, at('2026-12-17'))).toThrow(DeadlineLapsedError);
  });
});

describe('the clock', () => {
  it('is stored in the shape permits always had', () => {
    expect(Object.keys(filedOn('2026-12-01').clock).sort()).toEqual(['countedOn', 'dueAt', 'dueDate', 'holidays', 'period', 'receiptDate', 'suspensions']);
  });

  it('is told by the permit whether the case is open, closed by a decision or closed by the lapse', () => {
    const filed = filedOn('2026-12-01');
    const awaiting = requestDocuments(filed, { documents: ['plan'], note: 'plan' }, agent, NO_HOLIDAYS, at('2026-12-03')).permit;
    const decided = decide(filed, { outcome: 'rejected', reasons: 'non-conform' }, president, at('2026-12-10')).permit;
    const lapsed = recordLapse(filed, 'CDA-1', at('2026-12-17')).permit;
    const invoked = invokeDeemedApproval(lapsed, 'CDA-1', applicant, at('2026-12-18')).permit;

    expect([filed, awaiting, decided, lapsed, invoked].map(caseStanding)).toEqual(['open', 'open', 'closed', 'lapsed', 'lapsed']);
    expect([filed, awaiting, decided, lapsed, invoked].map((permit) => clockStatus(permit, at('2027-02-01')))).toEqual(['lapsed', 'suspended', 'stopped', 'lapsed', 'lapsed']);
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

describe('the recount when holidays change', () => {
  const why = { year: 2026, added: ['2026-12-16'], removed: [] };

  it('moves a running deadline whose last day became a holiday, saying why, and asks for no new workflow when it moved later', () => {
    const permit = filedOn('2026-12-01');

    const recounted = recountDeadline(permit, new Set(['2026-12-16']), why, at('2026-12-05'));

    expect(recounted?.permit.clock.dueDate).toBe('2026-12-17');
    expect(recounted?.event).toMatchObject({ type: 'deadline-recomputed', by: { role: 'system' }, details: { reason: 'holidays-changed', dueDateBefore: '2026-12-16', dueDateAfter: '2026-12-17' } });
    const [changed, told] = permitEvents(recounted!, []);
    expect(changed?.data).toMatchObject({ startsWorkflow: false });
    expect(told?.data).toMatchObject({ topic: 'deadline-moved', recipient: applicant.sub });
  });

  it('arms a new workflow when the deadline moved earlier than the instant the running one sleeps until', () => {
    const permit = filePermit(
      { id: 'p-2', receiptNumber: 'RCP-2', procedure: buildingSmall, commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } }, applicant: applicant.sub, project: { title: 'M', address: 'A' } },
      new Set(['2026-12-16']),
      at('2026-12-01'),
    ).permit;

    const recounted = recountDeadline(permit, NO_HOLIDAYS, { year: 2026, added: [], removed: ['2026-12-16'] }, at('2026-12-05'));

    expect(recounted?.permit.clock.dueDate).toBe('2026-12-16');
    expect(permitEvents(recounted!, [])[0]?.data).toMatchObject({ startsWorkflow: true });
  });

  it('leaves alone a deadline that does not move, a suspended clock, a decided permit and a deadline already passed', () => {
    const permit = filedOn('2026-12-01');
    const suspended = requestDocuments(permit, { documents: ['plan'], note: 'n' }, agent, NO_HOLIDAYS, at('2026-12-02')).permit;
    const decided = decide(permit, { outcome: 'approved', reasons: 'ok' }, president, at('2026-12-02')).permit;

    expect(recountDeadline(permit, new Set(['2026-12-10']), why, at('2026-12-05'))).toBeUndefined();
    expect(recountDeadline(suspended, new Set(['2026-12-16']), why, at('2026-12-05'))).toBeUndefined();
    expect(recountDeadline(decided, new Set(['2026-12-16']), why, at('2026-12-05'))).toBeUndefined();
    expect(recountDeadline(permit, new Set(['2026-12-16']), why, at('2026-12-17'))).toBeUndefined();
  });
});
