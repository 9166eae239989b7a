// Arabic-script names brought to one spelling for comparison, whatever the registrar's keyboard and habits:
// no diacritics or tatweel, one alef, ta marbuta as ha, alef maqsura as ya, Persian look-alikes mapped, no article.
import type { NameWord } from './name-word.ts';

/**
 * Letter variants written for the same letter. The hamza seats lose their hamza (أ إ آ ٱ → ا, ؤ → و, ئ → ي)
 * because registers write them inconsistently; Maghrebi and Persian forms (ڭ for the Moroccan g, ڤ for v, ک ی ۀ
 * typed on Persian keyboards) become the Arabic letter a registrar would type instead.
 */
const VARIANTS: Readonly<Record<string, string>> = {
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ٲ: 'ا', ٳ: 'ا', ٵ: 'ا',
  ؤ: 'و', ٶ: 'و',
  ئ: 'ي', ى: 'ي', ی: 'ي', ې: 'ي', ۍ: 'ي', ێ: 'ي', ے: 'ي', ۓ: 'ي', ؠ: 'ي', ٸ: 'ي',
  ة: 'ه', ۀ: 'ه', ۃ: 'ه', ھ: 'ه', ە: 'ه', ہ: 'ه',
  ک: 'ك', ڪ: 'ك', ڭ: 'ك', گ: 'ك', ػ: 'ك', ؼ: 'ك',
  ٯ: 'ق', ڧ: 'ق',
  ڤ: 'ف', ڥ: 'ف', ڢ: 'ف',
  پ: 'ب', چ: 'ج', ڇ: 'ج', ژ: 'ز', ٹ: 'ت', ڈ: 'د', ڑ: 'ر',
};

const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/**
 * Removed without leaving a gap: combining marks (harakat, shadda, sukun, tanwin, superscript alef, Quranic signs),
 * tatweel, joiners and direction marks, and the hamza standing alone, which registers write or leave out at will
 * (أسماء / أسما, دعاء / دعا).
 */
const SILENT = /[\p{M}\p{Cf}\u0640\u0621]+/gu;

/** Anything else that is not one of the 28 letters separates words. */
const NOT_A_LETTER = /[^ابتثجحخدذرزسشصضطظعغفقكلمنهوي]+/g;

const ARTICLE = 'ال';

/**
 * Words of a normalized Arabic name. "ابن" is written "بن" (both mean "son of" in a name and registers use either).
 * A compound written as one word is cut where its article is (عبدالقادر → عبد قادر, نورالدين → نور دين), and the
 * article is taken off the front of each word (several times if written twice) unless fewer than two letters
 * would remain, so الإدريسي → ادريسي and الله → له, but آل stays. Names whose first letters are "ال" without
 * being an article (إلهام written الهام, الياس) lose them too: the keys add the article-kept form back.
 */
export function arabicNameWords(name: string): NameWord[] {
  const letters = name
    .normalize('NFKC')
    .replace(VARIANT, (letter) => VARIANTS[letter] ?? letter)
    .replace(SILENT, '')
    .replace(NOT_A_LETTER, ' ');
  const words: NameWord[] = [];
  for (const word of letters.split(' ')) if (word) addWord(word, false, words);
  return words;
}

function addWord(word: string, article: boolean, words: NameWord[]): void {
  if (word === 'ابن') words.push({ text: 'بن', article });
  else if (word.length > 5 && word.startsWith('عبدال')) {
    words.push({ text: 'عبد', article });
    addWord(word.slice(3), false, words);
  } else if (word.length > 5 && word.endsWith('الدين')) {
    addWord(word.slice(0, -5), article, words);
    addWord('الدين', false, words);
  } else if (word.length >= 4 && word.startsWith(ARTICLE)) addWord(word.slice(2), true, words);
  else words.push({ text: word, article });
}

/** Arabic-script name normalized for comparison (see arabicNameWords), words separated by one space. */
export function normalizeArabicName(name: string): string {
  return arabicNameWords(name)
    .map((word) => word.text)
    .join(' ');
}
