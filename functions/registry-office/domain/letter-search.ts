// Searching a commune's registers without a Scan. Each letter is listed, once registered, under search tokens: the
// normalized words of its subject (`w:`) and of its sender's name (`s:`), Arabic or Latin script, as civil status
// normalizes names, and `*`, which every letter has. A token's entries of a commune's year sit in one partition,
// sorted by receipt instant: a search reads the partition of one token of the query within the dates asked, keeps
// the entries that hold the query's other tokens, then the letters whose status and service are those asked.
import { textWords } from '../../shared/text/text-words.ts';
import type { Letter } from './letter.ts';

/** The token every letter has: a search by dates, status or service alone reads its partition. */
export const EVERY_LETTER = '*';

const MAX_TOKENS = 40;

/** The normalized words of a text, each once: Arabic and Latin words as civil status normalizes names. */
export const searchWords = textWords;

export const subjectToken = (word: string) => `w:${word}`;
export const senderToken = (word: string) => `s:${word}`;

/** The tokens a letter is listed under (bounded: a subject of 300 characters has fewer words than that). */
export function letterTokens(letter: Pick<Letter, 'subject' | 'sender'>): string[] {
  const sender = letter.sender ? searchWords(`${letter.sender.name} ${letter.sender.organisation ?? ''}`).map(senderToken) : [];
  return [EVERY_LETTER, ...searchWords(letter.subject).map(subjectToken), ...sender].slice(0, MAX_TOKENS);
}

/** The query's tokens; the one whose partition is read is the longest (the rarest, as words go), the others filter. */
export function queryTokens(query: { readonly words?: string; readonly sender?: string }): { readonly read: string; readonly filters: readonly string[] } {
  const tokens = [...searchWords(query.words ?? '').map(subjectToken), ...searchWords(query.sender ?? '').map(senderToken)];
  if (tokens.length === 0) return { read: EVERY_LETTER, filters: [] };
  const [read, ...filters] = [...tokens].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { read: read!, filters };
}
