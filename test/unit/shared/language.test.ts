import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../functions/shared/i18n/language.ts';

describe('negotiateLanguage', () => {
  it('answers in Arabic when the caller states no preference', () => {
    expect(negotiateLanguage(undefined)).toBe('ar');
  });

  it('picks the highest-quality language the platform serves', () => {
    expect(negotiateLanguage('de;q=1, en;q=0.5, fr;q=0.8')).toBe('fr');
  });

  it('matches a regional variant by its primary tag', () => {
    expect(negotiateLanguage('fr-MA')).toBe('fr');
  });

  it('ignores languages refused with q=0', () => {
    expect(negotiateLanguage('en;q=0, fr;q=0.1')).toBe('fr');
  });

  it('falls back to Arabic when none is served', () => {
    expect(negotiateLanguage('de, es')).toBe('ar');
  });
});
