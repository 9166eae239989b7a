// Latin-script names brought to one spelling for comparison, whatever the transliteration habits: lower case, no
// accents, punctuation as spaces, the article off, "ben / bin / ibn" written "bn".
import type { NameWord } from './name-word.ts';

/** Letters that lose meaning when their accent is stripped, spelled as Moroccan transliterations spell them. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  š: 'sh', ş: 'sh', č: 'ch', ǧ: 'j', ġ: 'gh', ḫ: 'kh', ẖ: 'kh', ṯ: 'th', ḏ: 'dh', ð: 'dh', þ: 'th',
  ç: 's', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i',
};
const SPECIAL = /[šşčǧġḫẖṯḏðþçßæœøđłı]/g;

const ASCII = /^[\x00-\x7f]*$/;

const SON_OF = new Set(['ben', 'bin', 'ibn', 'ebn', 'bn']);
/** Articles written apart; "ul" and "oul" are how Abd Ul Kader and Abd Oul Kader write it. */
const ARTICLES = new Set(['el', 'al', 'l', 'ul', 'oul']);

/** "Abd" alone, or with its article glued on (Abdel, Abdul, Abdoul), before the second half written apart. */
const ABD_ALONE = /^abd(?:[aeiou]{1,2}l)?$/;
/** Abdelkader, Abdulaziz, Abdellah: "abd" and the article glued to the name they belong to. */
const ABD_WITH_ARTICLE = /^abd[aeiou]{1,2}l([a-z]{2,})$/;
/** Abderrahim, Abdessamad: the article assimilated to a sun letter, heard as that letter doubled. */
const ABD_ASSIMILATED = /^abd[aeiou](ch|sh|[tdrzsnl])\1([a-z]{2,})$/;
/** Noureddine, Salahdine, Zineddine: "ad-din" glued to the first half of the compound. */
const DIN_COMPOUND = /^([a-z]{3,}?)((?:ou|[aeiu])?d{1,2}(?:i|ee|y)ne?)$/;
/** Essaidi, Ennaji, Echchaoui: the article assimilated at the start of a word (only after "e": Assia, Allal and
 * Ammar start with a doubled letter of their own). */
const ASSIMILATED_ARTICLE = /^e(ch|sh|[tdrzsnl])\1([a-z]{2,})$/;
/** "ad-Din", "ar-Rahman" written apart: an article is assimilated only to the letter that follows it. */
const ASSIMILATED_ARTICLE_WORD = /^[aeu](ch|sh|[tdrzsnl])$/;

/**
 * Words of a normalized Latin name. Accents go (é → e, ï → i; š → sh, ç → s, see SPECIAL_LETTERS), apostrophes,
 * hyphens, dots and any other sign become spaces, "ben / bin / ibn" become "bn", and "ould" and "ait" stay as
 * they are (part of the family name). The article goes when another word follows it: "el", "al", "l" (from l'),
 * "es-", "ed-" before the same letter, and "E" glued before a doubled sun letter (Essaidi → saidi). "El" glued to a
 * moon letter (Elidrissi, Lahcen, Lamrani) is kept: it cannot be told from a name starting with el or l (Elias,
 * Latifa); the keys put the article back on the other side instead. Compounds are cut where their article is:
 * Abdelkader → abd kader, Noureddine → nour dine.
 */
export function latinNameWords(name: string): NameWord[] {
  // Most names are plain ASCII, which Unicode normalization leaves as it is.
  const folded = ASCII.test(name)
    ? name.toLowerCase()
    : name
        .normalize('NFKC')
        .toLowerCase()
        .replace(SPECIAL, (letter) => SPECIAL_LETTERS[letter] ?? letter)
        .normalize('NFD')
        .replace(/\p{M}/gu, '');
  const letters = folded.replace(/[^a-z]+/g, ' ');
  const words: string[] = [];
  for (const word of letters.split(' ')) if (word) addWord(word, words);
  return withoutArticles(words);
}

function addWord(word: string, words: string[]): void {
  let match: RegExpExecArray | null;
  const abd = word.startsWith('abd');
  if (SON_OF.has(word)) words.push('bn');
  else if (abd && ABD_ALONE.test(word)) words.push('abd');
  else if (abd && (match = ABD_ASSIMILATED.exec(word))) {
    words.push('abd');
    addWord(match[1]! + match[2]!, words);
  } else if (abd && (match = ABD_WITH_ARTICLE.exec(word))) {
    words.push('abd');
    addWord(match[1]!, words);
  } else if (word.includes('d') && (match = DIN_COMPOUND.exec(word))) {
    addWord(match[1]!, words);
    addWord(match[2]!, words);
  } else if (word[0] === 'e' && (match = ASSIMILATED_ARTICLE.exec(word))) addWord(match[1]! + match[2]!, words);
  else words.push(word);
}

/**
 * Drops the article words, from the last word back so that each is judged against the word it finally stands
 * before ("ed ed dine" loses both); the word after an "el / al / l" is marked as having had an article.
 */
function withoutArticles(words: readonly string[]): NameWord[] {
  const kept: NameWord[] = [];
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!;
    const next = kept[0];
    if (next && ARTICLES.has(word)) kept[0] = { ...next, article: true };
    else if (!next || !isArticleOf(word, next.text)) kept.unshift({ text: word, article: false });
  }
  return kept;
}

function isArticleOf(word: string, next: string): boolean {
  const match = ASSIMILATED_ARTICLE_WORD.exec(word);
  return match !== null && next.startsWith(match[1]!);
}

/** Latin-script name normalized for comparison (see latinNameWords), words separated by one space. */
export function normalizeLatinName(name: string): string {
  return latinNameWords(name)
    .map((word) => word.text)
    .join(' ');
}
