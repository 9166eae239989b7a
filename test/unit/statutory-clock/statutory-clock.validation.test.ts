// The statutory clock refuses input it cannot count by the rule, with a RangeError that names the field.
import { describe, expect, it } from 'vitest';
import { computeDeadline, isWorkingDay, type StatutoryClockInput } from '../../../functions/shared/statutory-clock/statutory-clock.ts';

const VALID: StatutoryClockInput = { period: { days: 15, unit: 'calendar' }, receiptDate: '2026-10-01', holidays: new Set(['2026-10-31']) };

describe('computeDeadline refuses', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-10-1', '01/10/2026', '0000-01-01', ''])('the receipt date "%s"', (receiptDate) => {
    expect(() => computeDeadline({ ...VALID, receiptDate })).toThrow(/receiptDate/);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('a period of %s days', (days) => {
    expect(() => computeDeadline({ ...VALID, period: { days, unit: 'calendar' } })).toThrow(/period\.days/);
  });

  it('an unknown period unit', () => {
    const period = { days: 15, unit: 'lunar' } as unknown as StatutoryClockInput['period'];

    expect(() => computeDeadline({ ...VALID, period })).toThrow(/period\.unit/);
  });

  it.each([-1, 2.5])('an extension of %s days', (extensionDays) => {
    expect(() => computeDeadline({ ...VALID, extensionDays })).toThrow(/extensionDays/);
  });

  it('a suspension ending before it starts', () => {
    expect(() => computeDeadline({ ...VALID, suspensions: [{ from: '2026-10-09', to: '2026-10-05' }] })).toThrow(/suspensions\[0\] ends on 2026-10-05, before/);
  });

  it('a suspension starting before the receipt date', () => {
    expect(() => computeDeadline({ ...VALID, suspensions: [{ from: '2026-09-30', to: '2026-10-05' }] })).toThrow(/before the receipt date/);
  });

  it('an impossible suspension date', () => {
    expect(() => computeDeadline({ ...VALID, suspensions: [{ from: '2026-10-05', to: '2026-10-32' }] })).toThrow(/suspensions\[0\]\.to/);
  });

  it('an open suspension without asOf', () => {
    expect(() => computeDeadline({ ...VALID, suspensions: [{ from: '2026-10-05' }] })).toThrow(/asOf is required/);
  });

  it('an open suspension starting after asOf', () => {
    expect(() => computeDeadline({ ...VALID, suspensions: [{ from: '2026-10-05' }], asOf: '2026-10-04' })).toThrow(/after asOf/);
  });

  it('an impossible asOf', () => {
    expect(() => computeDeadline({ ...VALID, asOf: '2026-02-29' })).toThrow(/asOf/);
  });

  it('a holiday that is not a YYYY-MM-DD date', () => {
    expect(() => computeDeadline({ ...VALID, holidays: new Set(['31/10/2026']) })).toThrow(/holiday/);
  });

  it('a deadline after 9999-12-31', () => {
    expect(() => computeDeadline({ ...VALID, receiptDate: '9999-12-20' })).toThrow(/after 9999-12-31/);
  });

  it('with a RangeError', () => {
    expect(() => computeDeadline({ ...VALID, receiptDate: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('isWorkingDay refuses', () => {
  it('an impossible date', () => {
    expect(() => isWorkingDay('2026-02-29', new Set())).toThrow(RangeError);
  });
});
