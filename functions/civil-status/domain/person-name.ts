// Personal names for the national civil-status search: a name typed in any common spelling, in Arabic or Latin
// script, becomes a few search keys for DynamoDB key lookups (no Scan), and candidates are ranked by similarity.
// Pure: no AWS, no clock; every function takes any string and never throws.
import { arabicNameWords } from '../../shared/text/arabic-name-words.ts';
import { latinNameWords } from '../../shared/text/latin-name-words.ts';
import { arabicWordStream, isMoonStream, latinWordStream, searchKeyOf, skeletonOf, type NameWord } from './transliteration.ts';

export { normalizeArabicName } from '../../shared/text/arabic-name-words.ts';
export { normalizeLatinName } from '../../shared/text/latin-name-words.ts';

type Script = 'arabic' | 'latin';

interface ScriptWord extends NameWord {
  readonly stream: string;
}

interface AnalysedName {
  /** The script of every letter of the name, 'mixed' when both occur, undefined when neither does. */
  readonly script: Script | 'mixed' | undefined;
  readonly words: readonly ScriptWord[];
}

/** An index item holds 1 to 3 keys per name part; keys longer than any real name are cut to stay small. */
const MAX_KEYS = 3;
const MAX_KEY_LENGTH = 64;
/** Bounds the edit-distance work whatever is typed; no real name comes near it. */
const MAX_COMPARED_LENGTH = 64;

/** Words that belong with the word after them: "son of", "servant of", "father of". */
const BINDS_NEXT = new Set(['bn', 'abd', 'ould', 'abou', 'abu', 'bou', 'بن', 'عبد', 'ولد', 'ابو', 'بو']);
/** The Amazigh "Ait" (people of) is left out of the part keys, so Benhaddou finds Ait Benhaddou. */
const LEFT_OUT_OF_PARTS = new Set(['ait', 'ayt', 'ايت']);
/** "-ad-din" belongs with the word before it: Nour Eddine is one name, not Nour and Din. */
const DIN_TAIL = /^(?:d{1,2}(?:i|ee|y)ne?|دين)$/;
/** A Latin first word that may carry a glued article: el-, al- or l- before at least three letters. */
const GLUED_LATIN_ARTICLE = /^(?:el|al|l)([a-z]{3,})$/;

/** Letters of each script, read after NFKC has turned presentation forms and ligatures into plain letters. */
const ANY_ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u0750-\u077f\u08a0-\u08c9]/;
const ANY_LATIN_LETTER = /[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]/;

function letterScript(character: string): Script | undefined {
  if (ANY_LATIN_LETTER.test(character)) return 'latin';
  return ANY_ARABIC_LETTER.test(character) ? 'arabic' : undefined;
}

/**
 * The name cut where the script of its letters changes; spaces, marks and signs stay with the letters before them,
 * so a name in one script is one run and keeps the context its articles need.
 */
function scriptRuns(name: string): { script: Script; text: string }[] {
  const arabic = ANY_ARABIC_LETTER.test(name);
  const latin = ANY_LATIN_LETTER.test(name);
  if (!arabic || !latin) return arabic || latin ? [{ script: arabic ? 'arabic' : 'latin', text: name }] : [];
  const runs: { script: Script; text: string }[] = [];
  let script: Script | undefined;
  let text = '';
  for (const character of name) {
    const found = letterScript(character);
    if (found && script && found !== script) {
      runs.push({ script, text });
      text = '';
    }
    script = found ?? script;
    text += character;
  }
  if (script) runs.push({ script, text });
  return runs;
}

function analyse(name: string): AnalysedName {
  // Compatibility forms (presentation forms, ligatures, full-width letters) are read as the letters they stand for.
  const runs = scriptRuns(name.normalize('NFKC'));
  const words: ScriptWord[] = [];
  for (const { script, text } of runs) {
    const stream = script === 'arabic' ? arabicWordStream : latinWordStream;
    for (const word of script === 'arabic' ? arabicNameWords(text) : latinNameWords(text)) {
      words.push({ text: word.text, article: word.article, stream: stream(word.text) });
    }
  }
  return { script: runs.length > 1 ? 'mixed' : runs[0]?.script, words };
}

/** How the skeleton reads the streams of a name's words, or how the coarser search keys do. */
type Reading = (streams: readonly string[]) => string;
const asSkeleton: Reading = (streams) => skeletonOf(streams.join(''));

function wholeSkeleton(words: readonly ScriptWord[], reading: Reading = asSkeleton): string {
  return reading(words.map((word) => word.stream));
}

/**
 * The skeleton with each article heard as "l" put back (al-Hassan, El Idrissi → lhsn, ldrs), because Moroccan
 * spellings often glue it on (Lahcen, Lidrissi, Lamrani, Elalami); undefined when no such article was taken off.
 * Articles before a sun letter are heard as the doubled letter (Essaidi), which the skeleton already drops; the
 * article inside an abd- compound belongs to the compound.
 */
function articleSkeleton(words: readonly ScriptWord[], reading: Reading = asSkeleton): string | undefined {
  let restored = false;
  const streams = words.map((word, index) => {
    const previous = words[index - 1]?.text;
    if (!word.article || !isMoonStream(word.stream) || previous === 'abd' || previous === 'عبد') return word.stream;
    restored = true;
    return `l${word.stream}`;
  });
  return restored ? reading(streams) : undefined;
}

/**
 * The key of the name without the "el", "al" or "l" a Latin spelling glued to its first word (Elandaloussi,
 * Lfatihi, Eljamal), which cannot be told from a name starting so (Elias, Latifa) and so is kept in the skeleton;
 * undefined when the name does not start so.
 */
function gluedArticleOff(words: readonly ScriptWord[], reading: Reading): string | undefined {
  const first = words[0];
  const glued = first && !first.article ? GLUED_LATIN_ARTICLE.exec(first.text) : null;
  if (!glued) return undefined;
  return reading([latinWordStream(glued[1]!), ...words.slice(1).map((word) => word.stream)]);
}

/** The skeletons of the separate names in a compound name (Mohamed Amine, Fatima Zahra, Ait Benhaddou). */
function partSkeletons(words: readonly ScriptWord[], reading: Reading = asSkeleton): string[] {
  const units: string[][] = [];
  let bindsNext = false;
  words.forEach((word, index) => {
    const joinsPrevious = bindsNext || (index > 0 && DIN_TAIL.test(word.text));
    if (joinsPrevious && units.length > 0) units[units.length - 1]!.push(word.stream);
    else if (!LEFT_OUT_OF_PARTS.has(word.text)) units.push([word.stream]);
    bindsNext = BINDS_NEXT.has(word.text);
  });
  return units.map(reading).filter((part) => part.length >= 2);
}

/**
 * The cross-script phonetic skeleton of a name, each word read in its own script: the consonant classes and the
 * vowel rules documented in transliteration.ts, words joined (Abd El Kader = Abdelkader, Ben Ali = Benali).
 * Mohammed, Mohamed, Muhammad, Mhamed and محمد all give "mhmd"; Mahmoud محمود gives "mhmwd".
 */
export function nameSkeleton(name: string): string {
  return wholeSkeleton(analyse(name).words);
}

/**
 * The search keys of one name part (a given name or a family name), most specific first, 1 to 3 of them, each read
 * coarser than the skeleton (searchKeyOf in transliteration.ts: no w or y, غ with ق ك, ش with س, no h after t/d/s
 * nor at a word's end): the whole name; then the name with its article heard as "l" put back, when an article was
 * taken off (so Lahcen finds الحسن and El Hassan, Lidrissi finds الإدريسي), or without the article a Latin spelling
 * glued to it (Elandaloussi finds الأندلسي); then the separate names of a compound name (Mohamed Amine → mhmd, mn).
 * None when the skeleton is empty (no letters, or no consonant to key on). Pass the name as typed: the article keys
 * need it. Keys are lower-case ASCII letters only, safe inside a composite key.
 */
export function searchKeys(name: string): string[] {
  const words = analyse(name).words;
  if (!wholeSkeleton(words)) return [];
  // A name of glides alone (Aya, Yaya) keeps them: a key needs a letter.
  const reading: Reading = wholeSkeleton(words, searchKeyOf) ? searchKeyOf : asSkeleton;
  const keys: string[] = [];
  const candidates = [wholeSkeleton(words, reading), articleSkeleton(words, reading), gluedArticleOff(words, reading), ...partSkeletons(words, reading)];
  for (const candidate of candidates) {
    const key = candidate?.slice(0, MAX_KEY_LENGTH);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys.slice(0, MAX_KEYS);
}

/** Words that open a name with the word after them, as typed: abd-, ben-, bou-, ait, ould, and the article. */
const OPENS_A_NAME = new Set([
  'abd', 'abdel', 'abdal', 'abdul', 'abdoul', 'ben', 'bin', 'ibn', 'bou', 'bu', 'bo', 'ait', 'ayt', 'ould', 'el', 'al', 'l', 'ul', 'oul',
  'ed', 'es', 'er', 'et', 'ez', 'en', 'ech', 'ad', 'as', 'ar', 'at', 'az', 'an', 'عبد', 'بن', 'ابن', 'بو', 'ايت', 'ولد', 'ال',
]);
const DIN_TAIL_TYPED = /^(?:(?:e|a|ou)?d{1,2}(?:i|ee|y)ne?|الدين|دين)$/;

function typedWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا');
}

/**
 * Where a typed name may be cut into given name and family name, either way round (family name first is common):
 * at every word boundary except after a word that opens a name (Abd El | Kader, Ait | Benhaddou) and before an
 * -ad-din tail (Nour | Eddine). A single word is a family name.
 */
export function nameSplits(name: string): { given?: string; family: string }[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1) return [{ family: words[0]! }];
  const typed = words.map(typedWord);
  const splits: { given?: string; family: string }[] = [];
  for (let cut = 1; cut < words.length; cut++) {
    const beforeTail = DIN_TAIL_TYPED.test(typed[cut]!) || (OPENS_A_NAME.has(typed[cut]!) && DIN_TAIL_TYPED.test(typed[cut + 1] ?? ''));
    if (OPENS_A_NAME.has(typed[cut - 1]!) || beforeTail) continue;
    const left = words.slice(0, cut).join(' ');
    const right = words.slice(cut).join(' ');
    splits.push({ given: left, family: right }, { family: left, given: right });
  }
  return splits.length > 0 ? splits : [{ family: words.join(' ') }];
}

/**
 * How alike a query and a stored name are, in [0, 1], to rank candidates found by key; symmetric, and 1 for the
 * same string. Compares the skeletons (with the article put back or not, whichever is closer) by Damerau-Levenshtein
 * distance, or the coarser search keys at 0.95 when those are closer (Mouad and معاذ, Fatimah and فاطمة); in the same
 * script the normalized spellings count for a fifth, so the exact spelling ranks first;
 * across scripts the skeleton is all there is, and a full match gives 0.9, as a transliteration is never certain.
 */
export function nameSimilarity(query: string, stored: string): number {
  if (query === stored) return 1;
  const left = comparable(query);
  const right = comparable(stored);
  const sameScript = left.script === right.script && (left.script === 'arabic' || left.script === 'latin');
  if (left.skeletons.length === 0 || right.skeletons.length === 0) {
    return sameScript && left.skeletons.length === right.skeletons.length ? similarity(left.spelling, right.spelling) : 0;
  }
  const phonetic = Math.max(bestOf(left.skeletons, right.skeletons), KEY_MATCH_WEIGHT * bestOf(left.keys, right.keys));
  return sameScript ? 0.8 * phonetic + 0.2 * similarity(left.spelling, right.spelling) : 0.9 * phonetic;
}

/** A match of the coarser search keys counts a little less than a match of the skeletons (Mouad, معاذ, Fatimah). */
const KEY_MATCH_WEIGHT = 0.95;

function bestOf(left: readonly string[], right: readonly string[]): number {
  let best = 0;
  for (const a of left) for (const b of right) best = Math.max(best, similarity(a, b));
  return best;
}

function comparable(name: string): { script: AnalysedName['script']; skeletons: string[]; keys: string[]; spelling: string } {
  const { script, words } = analyse(name);
  const readings = (reading: Reading) =>
    [wholeSkeleton(words, reading), articleSkeleton(words, reading)]
      .filter((skeleton): skeleton is string => Boolean(skeleton))
      .map((skeleton) => skeleton.slice(0, MAX_COMPARED_LENGTH));
  const spelling = words
    .map((word) => word.text)
    .join('')
    .slice(0, MAX_COMPARED_LENGTH);
  return { script, skeletons: readings(asSkeleton), keys: readings(searchKeyOf), spelling };
}

/** 1 minus the Damerau-Levenshtein distance (optimal string alignment) over the longer length. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

function editDistance(a: string, b: string): number {
  let twoRowsBack = new Int32Array(b.length + 1);
  let previousRow = Int32Array.from({ length: b.length + 1 }, (_, column) => column);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previousRow[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      let distance = Math.min(previousRow[j]! + 1, row[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        distance = Math.min(distance, twoRowsBack[j - 2]! + 1);
      }
      row[j] = distance;
    }
    [twoRowsBack, previousRow, row] = [previousRow, row, twoRowsBack];
  }
  return previousRow[b.length]!;
}
