// Examples of the statutory count (DOMAIN.md, "How a deadline is counted") on Morocco's 2026 calendar.
import { describe, expect, it } from 'vitest';
import { computeDeadline, isWorkingDay } from '../../../functions/shared/statutory-clock/statutory-clock.ts';

// Fixed holidays of 2026 and January 2027, and the Umm al-Qura estimates of the 2026 movable ones.
const HOLIDAYS = new Set([
  '2026-01-01', '2026-01-11', '2026-01-14', '2026-03-20', '2026-03-21', '2026-05-01', '2026-05-27', '2026-05-28',
  '2026-06-16', '2026-07-30', '2026-08-14', '2026-08-20', '2026-08-21', '2026-08-25', '2026-08-26', '2026-10-31',
  '2026-11-06', '2026-11-18', '2027-01-01', '2027-01-11', '2027-01-14',
]);

const FIFTEEN_CALENDAR_DAYS = { days: 15, unit: 'calendar' } as const;
const TWENTY_WORKING_DAYS = { days: 20, unit: 'working' } as const;

describe('computeDeadline, calendar periods', () => {
  it('starts the count the day after receipt', () => {
    const deadline = computeDeadline({ period: { days: 1, unit: 'calendar' }, receiptDate: '2026-10-05', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-10-06');
  });

  it('counts 15 calendar days from a Friday receipt to the Saturday two weeks later', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-02', holidays: HOLIDAYS });

    expect(deadline.explanation.find((step) => step.code === 'period')).toMatchObject({ date: '2026-10-17', days: 15 });
  });

  it('moves a last day on a Saturday to the Monday', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-02', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-10-19');
  });

  it('explains the move past the weekend in one step', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-02', holidays: HOLIDAYS });

    expect(deadline.explanation.filter((step) => step.code === 'non-working-day')).toEqual([
      expect.objectContaining({ from: '2026-10-17', to: '2026-10-18', days: 2, date: '2026-10-19' }),
    ]);
  });

  it('moves a last day on Unity Day (Saturday 31 October 2026) to Monday 2 November', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-16', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-11-02');
  });

  it('moves a last day on a weekday holiday (Wednesday 18 November 2026) to the next day', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-11-03', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-11-19');
  });

  it('moves a last day on Green March day (Friday 6 November 2026) past the weekend, in one step', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-22', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-11-09');
    expect(deadline.explanation.filter((step) => step.code === 'non-working-day')).toEqual([
      expect.objectContaining({ from: '2026-11-06', to: '2026-11-08', days: 3 }),
    ]);
  });

  it('moves a last day past a run of two holidays and a weekend (20 to 23 August 2026)', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-08-05', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-08-24');
  });

  it('counts 30 calendar days across a 28-day February', () => {
    const deadline = computeDeadline({ period: { days: 30, unit: 'calendar' }, receiptDate: '2026-02-10', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-03-12');
  });

  it('counts holidays inside a calendar period like any other day', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-11-12', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-11-27');
  });
});

describe('computeDeadline, working-day periods', () => {
  it('counts 20 working days, not counting the holiday of 18 November 2026', () => {
    const deadline = computeDeadline({ period: TWENTY_WORKING_DAYS, receiptDate: '2026-11-16', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-12-15');
  });

  it('explains the holiday passed over while counting', () => {
    const deadline = computeDeadline({ period: TWENTY_WORKING_DAYS, receiptDate: '2026-11-16', holidays: HOLIDAYS });

    expect(deadline.explanation.filter((step) => step.code === 'non-working-day')).toEqual([
      expect.objectContaining({ from: '2026-11-18', to: '2026-11-18', days: 1 }),
    ]);
  });

  it('passes over Eid al-Fitr and the weekend after it (20 to 22 March 2026)', () => {
    const deadline = computeDeadline({ period: { days: 10, unit: 'working' }, receiptDate: '2026-03-12', holidays: HOLIDAYS });

    expect(deadline.dueDate).toBe('2026-03-27');
  });

  it('lists no step for plain weekends, which "working days" already excludes', () => {
    const deadline = computeDeadline({ period: { days: 10, unit: 'working' }, receiptDate: '2026-10-05', holidays: HOLIDAYS });

    expect(deadline.explanation.map((step) => step.code)).toEqual(['start', 'period', 'due']);
  });
});

describe('computeDeadline, suspensions', () => {
  const base = { period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-01', holidays: HOLIDAYS } as const;

  it('adds the 5 days of a suspension from Monday to Friday, both counted', () => {
    const deadline = computeDeadline({ ...base, suspensions: [{ from: '2026-10-05', to: '2026-10-09' }] });

    expect(deadline.dueDate).toBe('2026-10-21');
  });

  it('adds the days of two suspensions', () => {
    const deadline = computeDeadline({
      ...base,
      suspensions: [
        { from: '2026-10-05', to: '2026-10-09' },
        { from: '2026-10-12', to: '2026-10-13' },
      ],
    });

    expect(deadline.dueDate).toBe('2026-10-23');
  });

  it('adds the days two overlapping suspensions share only once', () => {
    const deadline = computeDeadline({
      ...base,
      suspensions: [
        { from: '2026-10-07', to: '2026-10-10' },
        { from: '2026-10-05', to: '2026-10-09' },
      ],
    });

    expect(deadline.dueDate).toBe('2026-10-22');
  });

  it('adds nothing for a suspension inside an earlier one', () => {
    const deadline = computeDeadline({
      ...base,
      suspensions: [
        { from: '2026-10-05', to: '2026-10-09' },
        { from: '2026-10-06', to: '2026-10-06' },
      ],
    });

    expect(deadline.explanation.filter((step) => step.code === 'suspension').map((step) => step.days)).toEqual([5, 0]);
  });

  it('counts an open suspension up to asOf inclusive', () => {
    const deadline = computeDeadline({ ...base, suspensions: [{ from: '2026-10-05' }], asOf: '2026-10-09' });

    expect(deadline.dueDate).toBe('2026-10-21');
  });

  it('marks a deadline with an open suspension as provisional', () => {
    const deadline = computeDeadline({ ...base, suspensions: [{ from: '2026-10-05' }], asOf: '2026-10-09' });

    expect(deadline.provisional).toBe(true);
  });

  it('counts a suspension starting on the day of receipt from that day', () => {
    const deadline = computeDeadline({ ...base, suspensions: [{ from: '2026-10-01', to: '2026-10-01' }] });

    expect(deadline.dueDate).toBe('2026-10-19');
  });
});

describe('computeDeadline, extension', () => {
  it('adds a calendar extension in calendar days', () => {
    const deadline = computeDeadline({ period: FIFTEEN_CALENDAR_DAYS, receiptDate: '2026-10-01', holidays: HOLIDAYS, extensionDays: 10 });

    expect(deadline.dueDate).toBe('2026-10-26');
  });

  it('adds a working-day extension in working days, passing over the January 2027 holidays', () => {
    const deadline = computeDeadline({ period: TWENTY_WORKING_DAYS, receiptDate: '2026-11-16', holidays: HOLIDAYS, extensionDays: 20 });

    expect(deadline.dueDate).toBe('2027-01-15');
  });

  it('counts a working-day extension after the suspended days are added', () => {
    const deadline = computeDeadline({
      period: { days: 10, unit: 'working' },
      receiptDate: '2026-03-12',
      holidays: HOLIDAYS,
      suspensions: [{ from: '2026-03-14', to: '2026-03-14' }],
      extensionDays: 1,
    });

    // Period ends Friday 27 March; the suspension makes it Saturday 28; one working day after is Monday 30.
    expect(deadline.dueDate).toBe('2026-03-30');
  });
});

describe('computeDeadline, explanation', () => {
  const deadline = computeDeadline({
    period: FIFTEEN_CALENDAR_DAYS,
    receiptDate: '2026-10-01',
    holidays: HOLIDAYS,
    suspensions: [{ from: '2026-10-05', to: '2026-10-09' }],
    extensionDays: 10,
  });

  it('lists the steps in the order of the rule', () => {
    expect(deadline.explanation.map((step) => step.code)).toEqual(['start', 'period', 'suspension', 'extension', 'non-working-day', 'due']);
  });

  it('gives the deadline after each step', () => {
    expect(deadline.explanation.map((step) => step.date)).toEqual(['2026-10-02', '2026-10-16', '2026-10-21', '2026-10-31', '2026-11-02', '2026-11-02']);
  });

  it('says every step in Arabic, French and English', () => {
    const texts = deadline.explanation.flatMap((step) => [step.text.ar, step.text.fr, step.text.en]);

    expect(texts.every((text) => text.length > 0)).toBe(true);
  });

  it('names the dates in full in each language', () => {
    const due = deadline.explanation.at(-1);

    expect(due?.text.en).toContain('Monday, 2 November 2026');
    expect(due?.text.fr).toContain('lundi 2 novembre 2026');
    expect(due?.text.ar).toContain('2026');
  });
});

describe('isWorkingDay', () => {
  it('is true for a Monday that is not a holiday', () => {
    expect(isWorkingDay('2026-10-05', HOLIDAYS)).toBe(true);
  });

  it('is false for a Sunday', () => {
    expect(isWorkingDay('2026-10-04', HOLIDAYS)).toBe(false);
  });

  it('is false for a weekday holiday', () => {
    expect(isWorkingDay('2026-11-18', HOLIDAYS)).toBe(false);
  });
});
