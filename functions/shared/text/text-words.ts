// The normalized words of a free text in Arabic or Latin script, as civil status normalizes names (no accents,
// case, diacritics, tatweel or article; one alef; ta marbuta as ha), without the words too common to tell texts
// apart: what a register's search lists a subject under, and what tells two complaints say the same.
import { arabicNameWords } from './arabic-name-words.ts';
import { latinNameWords } from './latin-name-words.ts';

/** Words too common to find anything by. */
const STOP_WORDS = new Set([
  'au', 'aux', 'avec', 'ce', 'ces', 'dans', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'par', 'pour', 'sur', 'un', 'une', 'ou', 'objet',
  'في', 'من', 'على', 'الى', 'عن', 'مع', 'او',
]);

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** The normalized words of a text, each once, in their first order. */
export function textWords(text: string): string[] {
  const words = text
    .split(/\s+/)
    .flatMap((chunk) => (ARABIC_LETTER.test(chunk) ? arabicNameWords(chunk) : latinNameWords(chunk)))
    .map((word) => word.text)
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
  return [...new Set(words)];
}
