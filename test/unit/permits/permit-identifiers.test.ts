// Permit paper numbers: readable (commune, year) and carrying 12 hex digits of the permit id, so that permits whose
// ids share their first 8 digits (about a 1 % chance a year among a busy commune's 10,000 filings) differ.
import { describe, expect, it } from 'vitest';
import { permitIdentifiers } from '../../../functions/permits/adapters/permit-identifiers.ts';
import type { Permit } from '../../../functions/permits/domain/permit.ts';

const filedAt = new Date('2026-12-01T09:00:00Z');

describe('permit paper numbers', () => {
  it('write the commune, the Moroccan year and 12 hex digits of the id', () => {
    expect(permitIdentifiers.receiptNumber('rabat', filedAt, '0b6c3f5e-12ab-4cde-8f00-112233445566')).toBe('RCP-RABAT-2026-0B6C3F5E12AB');
  });

  it('tell apart two permits whose ids share their first 8 hex digits', () => {
    const numbers = ['0b6c3f5e-12ab-4cde-8f00-112233445566', '0b6c3f5e-99ff-4cde-8f00-112233445566'].map((id) => permitIdentifiers.receiptNumber('rabat', filedAt, id));

    expect(new Set(numbers).size).toBe(2);
  });

  it('give a certificate the same 12 digits of its permit', () => {
    // The number reads the permit's id and commune alone.
    const permit = { id: '0b6c3f5e-12ab-4cde-8f00-112233445566', commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } } } as Permit;

    expect(permitIdentifiers.certificateNumber(permit)).toBe('CDA-RABAT-0B6C3F5E12AB');
  });
});
