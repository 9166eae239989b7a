// The publication register: each category of the list, its next due date one period after its last publication (or
// its designation), overdue once the Moroccan date passes it, never due when irregular.
import { describe, expect, it } from 'vitest';
import { PUBLICATION_CATEGORIES } from '../../../functions/open-data/domain/dataset.ts';
import { afterOnePeriod, designate, registerLines, type RegisterEntry } from '../../../functions/open-data/domain/publication-register.ts';

const president = { sub: 'president-1', role: 'president' } as const;
const owner = { ar: 'قسم الميزانية', fr: 'Division du budget' };
const designatedAt = new Date('2026-01-10T09:00:00Z');

const line = (entries: RegisterEntry[], now: string, category = 'budget-and-accounts') => registerLines(entries, new Date(now)).find((entry) => entry.category === category);

describe('one period later', () => {
  it.each([
    ['2026-01-31', 'MONTHLY', '2026-02-28'],
    ['2026-01-15', 'QUARTERLY', '2026-04-15'],
    ['2026-08-31', 'ANNUAL_2', '2027-02-28'],
    ['2024-02-29', 'ANNUAL', '2025-02-28'],
    ['2026-12-29', 'WEEKLY', '2027-01-05'],
    ['2026-12-31', 'DAILY', '2027-01-01'],
  ] as const)('from %s, %s, is %s', (date, periodicity, expected) => {
    expect(afterOnePeriod(date, periodicity)).toBe(expected);
  });

  it('does not exist for an irregular publication', () => {
    expect(afterOnePeriod('2026-01-01', 'IRREG')).toBeUndefined();
  });
});

describe('the register', () => {
  const monthly = designate(undefined, 'rabat', 'budget-and-accounts', { owner, periodicity: 'MONTHLY' }, president, designatedAt);

  it('lists every category, those not designated as not scheduled', () => {
    const lines = registerLines([monthly], designatedAt);

    expect(lines.map((entry) => entry.category)).toEqual([...PUBLICATION_CATEGORIES]);
    expect(lines.find((entry) => entry.category === 'procurement')).toEqual({ category: 'procurement', status: 'not-scheduled' });
  });

  it('counts from the designation until a first publication, and is overdue the day after its due date', () => {
    expect(line([monthly], '2026-02-10T22:00:00Z')).toMatchObject({ status: 'up-to-date', nextDueDate: '2026-02-10', owner, periodicity: 'MONTHLY' });
    // 23:30 UTC on 10 February is already the 11th in Morocco (UTC+1).
    expect(line([monthly], '2026-02-10T23:30:00Z')).toMatchObject({ status: 'overdue', nextDueDate: '2026-02-10' });
  });

  it('counts from the last publication once there is one', () => {
    const published = { ...monthly, lastPublishedAt: '2026-03-05T10:00:00Z' };

    expect(line([published], '2026-03-20T09:00:00Z')).toMatchObject({ status: 'up-to-date', nextDueDate: '2026-04-05', lastPublishedAt: '2026-03-05T10:00:00Z' });
  });

  it('keeps the last publication and the first designation when designated again', () => {
    const again = designate({ ...monthly, lastPublishedAt: '2026-03-05T10:00:00Z' }, 'rabat', 'budget-and-accounts', { owner, periodicity: 'IRREG' }, president, new Date('2026-04-01T09:00:00Z'));

    expect(again).toMatchObject({ since: designatedAt.toISOString(), lastPublishedAt: '2026-03-05T10:00:00Z', version: 2 });
    expect(line([again], '2027-01-01T09:00:00Z')).toMatchObject({ status: 'irregular' });
    expect(line([again], '2027-01-01T09:00:00Z')).not.toHaveProperty('nextDueDate');
  });
});
