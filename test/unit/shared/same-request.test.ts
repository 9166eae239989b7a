import { describe, expect, it } from 'vitest';
import { holdsFieldsOf } from '../../../functions/shared/http/idempotency-ids.ts';
import { storedAsRequested } from '../../../functions/shared/http/same-request.ts';

describe('whether a retry asks for what the first request stored', () => {
  const stored = { id: 'x', createdAt: '2026-12-03', project: { title: 'T', fileName: 'a.pdf', filed: true, address: 'A' } };

  it('holds when the stored maps come back with their keys in another order', () => {
    const asked = { project: { filed: true, address: 'A', fileName: 'a.pdf', title: 'T' } };
    expect(holdsFieldsOf(stored, asked)).toBe(true);
    expect(storedAsRequested(stored, asked)).toBe(true);
  });

  it('does not hold when a nested value differs or the request gives a field the first one did not store', () => {
    expect(holdsFieldsOf(stored, { project: { filed: true, address: 'B', fileName: 'a.pdf', title: 'T' } })).toBe(false);
    expect(storedAsRequested(stored, { note: 'new' })).toBe(false);
  });
});
