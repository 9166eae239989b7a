// The instants a legal clock starts from or a dated thing begins at, in Morocco: a receipt written to the second
// with its offset, the first instant of a Moroccan date; and what makes a retried create the same as its first.
import { describe, expect, it } from 'vitest';
import { holdsFieldsOf } from '../../../functions/shared/http/idempotency-ids.ts';
import { moroccanReceiptInstant, startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';

describe('Moroccan instants', () => {
  it('writes a receipt instant to the second, with the offset of the day (UTC+1, UTC+0 in Ramadan)', () => {
    expect(moroccanReceiptInstant(new Date('2026-06-15T09:15:42.987Z'))).toBe('2026-06-15T10:15:42+01:00');
    // Ramadan 2026: Morocco is on UTC+0.
    expect(moroccanReceiptInstant(new Date('2026-03-01T09:15:42.001Z'))).toBe('2026-03-01T09:15:42+00:00');
  });

  it('gives the first instant of a Moroccan date', () => {
    expect(startOfMoroccanDate('2026-07-01')).toEqual(new Date('2026-06-30T23:00:00Z'));
    expect(startOfMoroccanDate('2026-03-01')).toEqual(new Date('2026-03-01T00:00:00Z'));
  });
});

describe('holdsFieldsOf', () => {
  it('tells a retry asking for the same fields, maps in any key order, from one asking for another thing', () => {
    const stored = { id: 'x', requester: { name: 'Salma', address: 'Rabat' }, format: 'electronic', version: 3 };

    expect(holdsFieldsOf(stored, { format: 'electronic', requester: { address: 'Rabat', name: 'Salma' } })).toBe(true);
    expect(holdsFieldsOf(stored, { format: 'paper-copy', requester: { name: 'Salma', address: 'Rabat' } })).toBe(false);
    expect(holdsFieldsOf(stored, { urgency: { justification: 'x' } })).toBe(false);
  });
});
