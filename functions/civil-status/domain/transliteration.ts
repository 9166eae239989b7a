// The cross-script phonetic skeleton of a name: the Arabic and the Latin spellings of one name reduce to the same
// string of consonant classes, so a name typed in either script finds acts written in the other.
//
// Consonant classes (one ASCII letter each, so a skeleton can sit in a DynamoDB key as it is):
//
//   class | Arabic (after normalization)        | Latin (after normalization)
//   ------+-------------------------------------+-----------------------------------------------
//   b     | ب (پ)                               | b, p
//   t     | ت ط ث                               | t, th
//   d     | د ض ذ ظ                             | d, dh
//   j     | ج (چ)                               | j, dj
//   h     | ح ه                                 | h
//   x     | خ                                   | kh, x
//   r     | ر                                   | r
//   z     | ز                                   | z
//   s     | س ص                                 | s, c before e/i/y (ç is spelled s by normalization)
//   c     | ش                                   | ch, sh (š is spelled sh by normalization)
//   g     | غ                                   | gh (ġ is spelled gh by normalization)
//   f     | ف (ڤ ڥ ڢ)                           | f, ph, v
//   k     | ق ك (ڭ گ ک ٯ ڧ)                     | k, q, ck, c elsewhere, g (Moroccan g is ڭ), gu/qu before a vowel
//   l m n | ل م ن                               | l m n
//   w     | و when it is heard as w (see below) | w, ou, u, oo when heard as w
//   y     | ي when it is heard as y (see below) | y, i, ee when heard as y
//   —     | ا ع (ء and the hamza seats are gone) | a e o, and i/u/ou/y/w when they are vowels
//
// Why vowels are dropped: Arabic writes only long vowels, Latin writes every vowel and cannot tell long from
// short (Khalid خالد has a long a, Rachid رشيد a long i, both spelled CaCiC). A doubled letter counts once
// (Bennani, shadda), a first vowel is silent (Idrissi = Drissi), ع and ء are silent as Latin writes them as vowels.
//
// و / ي, and their Latin spellings, are written as w / y when both scripts agree they are heard:
//   1. at the start of a word (Ouazzani الوزاني, Youssef يوسف, Ould ولد);
//   2. before a vowel letter: Arabic ا ع و ي or the final ة/ه, Latin any vowel except e (Chaoui الشاوي,
//      Marouane مروان, Bouziane بوزيان, Nadia نادية; Meryem مريم stays mrm because the e is short and unwritten);
//   3. a long u before the last consonant of a word, if no u came before it: this alone tells Mahmoud محمود
//      (mhmwd) from Mohammed محمد (mhmd), and keeps Youssouf with Youssef;
//   4. a long i before a last n: French spells it reliably (-ine: Houssine, Yassine, Amine, -eddine), and it tells
//      Hussein حسين (hsyn) from Hassan حسن (hsn).
// Everywhere else they are vowels and drop out. A final ه is the ta marbuta and drops out (Fatima فاطمة), except
// in the words where it is a real h: الله, الإله, طه (Abdellah, Abdelilah, Taha). A final Latin h is kept,
// because it is most often ح (Salah, Najah, Fattah).
//
// Skeleton misses, accepted because no rule on letters alone can tell them apart: Souad/Mouad/Chouaib/Douae
// (Latin ou before a vowel where Arabic has ع: swd ≠ سعاد sd), Maryam/Mariam (y before a short a), Marouen (the
// Tunisian ou before e), Mohcine/Mohsin محسن (short i before n), Ishak (s+h read as sh), Thami التهامي (t+h read as
// th), Adham (d+h read as dh), Fatimah (final h kept). The coarser search keys below still find all of these, and
// the ranking weighs the keys too. Still missed: Hayat (ta marbuta spelled t: حياة). Found but ranked below
// Mohamed: Mahmod for محمود (o for the long u, which the skeleton reads as Mohamed's short vowel).
// A glued article (Lahcen, Lidrissi, Lahlou, Ilyas for الياس) gives another skeleton than the article written
// apart; the search keys bridge the two (see searchKeys). So Lahcen (lhsn), the Moroccan form of al-Hassan, stays a
// name of its own beside Hassan (hsn), yet finds الحسن and El Hassan through their article key.
//
// The search keys are coarser than the skeleton (searchKeyStream): w and y, which spellings write or leave out at
// will (Mouad معاذ, Maryam, Mahmod), are left out; غ joins ق ك (Latin writes it gh, g or rh) and ش joins س (Ishak,
// Shaimaa); an h right after t, d or s, which Latin reads as th, dh or sh (Fathi, Adham, Ishaq), is left out; so is
// the h ending a word, which Latin writes for ة, ح and ه alike (Fatimah, Salah). Candidates found by a key are still
// ranked by the skeleton, which keeps all of these.
// Known collisions (one skeleton, two names): Ahmed/Hamid/Hamed (hmd), Said/Saad (sd), Abdellah/Abdelilah,
// Aymane/Imane (mn), Walid/Ould (wld).
import type { NameWord } from '../../shared/text/name-word.ts';

export type { NameWord };

/** Separates two consonants in a stream, so that only consonants written side by side are collapsed. */
const VOWEL = '.';

/** Arabic consonants and their classes; ا ع و ي are handled by the rules above. */
const ARABIC_CLASSES: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 't', ط: 't', ج: 'j', ح: 'h', ه: 'h', خ: 'x', د: 'd', ذ: 'd', ض: 'd', ظ: 'd', ر: 'r',
  ز: 'z', س: 's', ص: 's', ش: 'c', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n',
};

const WAW = 0x648;
const YA = 0x64a;
const HA = 0x647;
const NUN = 0x646;
/** After these letters و and ي are heard as consonants (wā, yā, wī, ayyū...). */
const ARABIC_VOWEL_LETTERS = new Set([0x627, 0x639, WAW, YA]); // ا ع و ي

/** Normalized words (article already taken off) whose final ه is a real h, not a ta marbuta. */
const REAL_FINAL_H = new Set(['له', 'اله', 'طه']);

/** The classes of the sun letters (ت ث د ذ ر ز س ش ص ض ط ظ ل ن): the article before them is assimilated. */
const SUN_CLASSES = new Set(['t', 'd', 'r', 'z', 's', 'c', 'l', 'n']);

/** A table by character code: reading a name letter by letter must not cost a string lookup per letter. */
function byCode(classes: Readonly<Record<string, string>>): Map<number, string> {
  return new Map(Object.entries(classes).map(([letter, cls]) => [letter.charCodeAt(0), cls]));
}

const ARABIC_CLASS_BY_CODE = byCode(ARABIC_CLASSES);

/** The skeleton stream of one normalized Arabic word: class letters, with VOWEL where a vowel is heard or written. */
export function arabicWordStream(word: string): string {
  let stream = '';
  let vowelU = false;
  const last = word.length - 1;
  for (let index = 0; index <= last; index++) {
    const letter = word.charCodeAt(index);
    if (letter === WAW || letter === YA) {
      const glide = letter === WAW ? 'w' : 'y';
      const next = word.charCodeAt(index + 1);
      const beforeVowel = ARABIC_VOWEL_LETTERS.has(next) || (next === HA && index + 1 === last);
      // Rules 1 and 2 of the header, then rules 3 and 4.
      if (index === 0 || beforeVowel) stream += glide;
      else if (index + 1 === last && (glide === 'w' ? !vowelU : next === NUN)) stream += glide;
      else {
        stream += VOWEL;
        if (glide === 'w') vowelU = true;
      }
    } else if (letter === HA && index === last && !REAL_FINAL_H.has(word)) {
      stream += VOWEL;
    } else {
      stream += ARABIC_CLASS_BY_CODE.get(letter) ?? VOWEL;
    }
  }
  return stream;
}

/** Two-letter Latin spellings of one consonant. */
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = {
  kh: 'x', gh: 'g', ch: 'c', sh: 'c', th: 't', dh: 'd', dj: 'j', ph: 'f', ck: 'k',
};

const LATIN_CONSONANTS: Readonly<Record<string, string>> = {
  b: 'b', p: 'b', t: 't', d: 'd', j: 'j', h: 'h', x: 'x', r: 'r', z: 'z', s: 's', f: 'f', v: 'f', k: 'k', q: 'k',
  g: 'k', l: 'l', m: 'm', n: 'n',
};

/** Latin vowel letters as units (see latinUnits). */
const LATIN_VOWELS: Readonly<Record<string, string>> = { a: 'a', o: 'a', e: 'e', u: 'U', i: 'I', w: 'W', y: 'Y' };

const GLIDE_CLASS: Readonly<Record<string, string>> = { W: 'w', U: 'w', Y: 'y', I: 'y' };
const SOFT_C_BEFORE = new Set(['e', 'i', 'y']);
const SILENT_U_BEFORE = new Set(['a', 'e', 'i', 'o', 'y']);

const RH_FOR_GHAIN = /^rh[aeiouy]/;

const LATIN_UNIT_BY_CODE = byCode({ ...LATIN_CONSONANTS, ...LATIN_VOWELS });
const LATIN_DIGRAPH_BY_CODES = new Map(
  Object.entries(LATIN_DIGRAPHS).map(([digraph, cls]) => [digraph.charCodeAt(0) * 128 + digraph.charCodeAt(1), cls]),
);

/**
 * Units of a Latin word, one character each so that a word costs no allocation: a consonant class (lower case),
 * "a" for a plain vowel (a, o), "e" for e, and the glides "W" (the letter w), "U" (u, ou, oo), "Y" (the letter y)
 * and "I" (i, ee). Upper-case letters are glides, so a unit is a consonant when it is neither upper case nor a or e.
 */
function latinUnits(word: string): string {
  let units = '';
  let index = 0;
  while (index < word.length) {
    const letter = word[index]!;
    const next = word[index + 1] ?? '';
    const digraph = LATIN_DIGRAPH_BY_CODES.get(word.charCodeAt(index) * 128 + word.charCodeAt(index + 1));
    if (index === 0 && RH_FOR_GHAIN.test(word)) {
      // French writes غ as rh at the start of a word (Rharbi, Rhita, Rhizlane), where r and h never meet otherwise.
      units += 'g';
      index += 2;
    } else if (digraph) {
      units += digraph;
      index += 2;
    } else if ((letter === 'g' || letter === 'q') && next === 'u' && SILENT_U_BEFORE.has(word[index + 2] ?? '')) {
      // French gu/qu before a vowel: the u only hardens the consonant (Guessous, Guerrouj).
      units += 'k';
      index += 2;
    } else if (letter === 'o' && (next === 'u' || next === 'o')) {
      units += 'U';
      index += 2;
    } else if (letter === 'e' && next === 'e') {
      units += 'I';
      index += 2;
    } else {
      if (letter === 'c') units += SOFT_C_BEFORE.has(next) ? 's' : 'k';
      else units += LATIN_UNIT_BY_CODE.get(word.charCodeAt(index)) ?? '';
      index += 1;
    }
  }
  return units;
}

const isConsonantUnit = (unit: string | undefined): unit is string =>
  unit !== undefined && unit !== 'a' && unit !== 'e' && GLIDE_CLASS[unit] === undefined;

/** The skeleton stream of one normalized Latin word, under the same rules as the Arabic one. */
export function latinWordStream(word: string): string {
  // "Ould" (ولد) is the one word that starts with a w heard before a consonant.
  if (word === 'ould') return 'wld';
  const units = latinUnits(word);
  let stream = '';
  let vowelU = false;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    const glide = GLIDE_CLASS[unit];
    if (glide === undefined) {
      stream += unit === 'a' || unit === 'e' ? VOWEL : unit;
      continue;
    }
    const next = units[index + 1];
    const beforeVowel = next !== undefined && !isConsonantUnit(next);
    const consonantal = index === 0 ? unit === 'W' || unit === 'Y' || beforeVowel : beforeVowel && next !== 'e';
    // A French final e after the last consonant is silent (Houssine, Marouane).
    const after = units[index + 2];
    const beforeLastConsonant = isConsonantUnit(next) && (after === undefined || (after === 'e' && index + 3 === units.length));
    // Rules 1 and 2 of the header, then rules 3 and 4.
    if (consonantal) stream += glide;
    else if (beforeLastConsonant && (glide === 'w' ? !vowelU : next === 'n')) stream += glide;
    else {
      stream += VOWEL;
      if (glide === 'w') vowelU = true;
    }
  }
  return stream;
}

/** Whether an article before a word starting with this stream is heard as "l" (a moon letter or a vowel). */
export function isMoonStream(stream: string): boolean {
  return stream !== '' && !SUN_CLASSES.has(stream[0]!);
}

/** Classes the search keys merge (see the header): a spelling that picks one for the other still finds the act. */
const KEY_CLASSES: Readonly<Record<string, string>> = { w: VOWEL, y: VOWEL, g: 'k', c: 's' };
const H_READ_WITH_THE_LETTER_BEFORE = new Set(['t', 'd', 's']);

/**
 * The search key of a name from the streams of its words: coarser than the skeleton (see the header). The h ending
 * a word goes, and so does an h whose consonant before it is t, d or s, vowels or not between them, since Latin
 * writes Sahl and Ishaq, Fathi and Fatahi for the same letters.
 */
export function searchKeyOf(streams: readonly string[]): string {
  let key = '';
  let consonantBefore = '';
  for (const stream of streams) {
    const lastConsonant = stream.replace(/\.+$/, '').length - 1;
    for (let index = 0; index < stream.length; index++) {
      const token = KEY_CLASSES[stream[index]!] ?? stream[index]!;
      if (token === VOWEL) {
        key += token;
        continue;
      }
      const silentH = token === 'h' && (index === lastConsonant || H_READ_WITH_THE_LETTER_BEFORE.has(consonantBefore));
      if (!silentH) key += token;
      consonantBefore = token;
    }
  }
  return skeletonOf(key);
}

/** Streams joined into a skeleton: separators dropped, a class written twice in a row counted once. */
export function skeletonOf(stream: string): string {
  let skeleton = '';
  let previous = '';
  for (const token of stream) {
    if (token !== VOWEL && token !== previous) skeleton += token;
    previous = token;
  }
  return skeleton;
}
