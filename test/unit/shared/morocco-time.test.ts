import { describe, expect, it } from 'vitest';
import { moroccanDate } from '../../../functions/shared/time/morocco-time.ts';

// Expectations follow the tz database the runtime ships (2026c on Node 24): Morocco is at UTC+1 in summer
// and at UTC+0 during Ramadan; recent releases also moved its winters to UTC+0.
describe('moroccanDate', () => {
  it('is already the next day in Morocco at 23:30 UTC in June (UTC+1)', () => {
    expect(moroccanDate(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
  });

  it('is still the same day at 23:30 UTC during Ramadan 2026 (UTC+0)', () => {
    expect(moroccanDate(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
  });
});
