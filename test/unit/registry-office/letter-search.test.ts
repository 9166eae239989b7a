// Search tokens: a subject's and a sender's words in Arabic or Latin script, normalized as civil status normalizes
// names, so that the common spellings of a word find each other; the token read is the query's rarest-looking.
import { describe, expect, it } from 'vitest';
import { EVERY_LETTER, letterTokens, queryTokens, searchWords } from '../../../functions/registry-office/domain/letter-search.ts';

describe('search words', () => {
  it('finds French words whatever their accents and case', () => {
    expect(searchWords('Éclairage PUBLIC en panne')).toEqual(searchWords('eclairage public panne'));
  });

  it('finds Arabic words whatever their hamza, ta marbuta, diacritics and article', () => {
    expect(searchWords('الإنارةُ العموميّة')).toEqual(searchWords('انارة عمومية'));
  });

  it('leaves out the words too common to find anything by', () => {
    expect(searchWords('Demande de réfection de la chaussée')).toEqual(['demande', 'refection', 'chaussee']);
    expect(searchWords('شكاية في الإنارة')).toEqual(['شكايه', 'اناره']);
  });
});

describe('search tokens', () => {
  it("lists a letter under every letter's token, its subject's words and its sender's", () => {
    expect(letterTokens({ subject: 'Éclairage public', sender: { name: 'Société Atlas', organisation: 'Atlas Travaux' } })).toEqual([
      EVERY_LETTER,
      'w:eclairage',
      'w:public',
      's:societe',
      's:atlas',
      's:travaux',
    ]);
  });

  it('reads the partition of the longest token of a query and filters by the others', () => {
    expect(queryTokens({ words: 'éclairage public', sender: 'atlas' })).toEqual({ read: 'w:eclairage', filters: ['w:public', 's:atlas'] });
  });

  it("reads every letter's partition when the query has no word", () => {
    expect(queryTokens({})).toEqual({ read: EVERY_LETTER, filters: [] });
    expect(queryTokens({ words: 'de la' })).toEqual({ read: EVERY_LETTER, filters: [] });
  });
});
