// Properties of name normalization, skeletons, keys and similarity that must hold for any name, typed any way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameSimilarity,
  nameSkeleton,
  normalizeArabicName,
  normalizeLatinName,
  searchKeys,
} from '../../../functions/civil-status/domain/person-name.ts';

const NUM_RUNS = 200;

const ARABIC_LETTERS = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيکیۀڭ'];
const HARAKAT = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'];
const TATWEEL = '\u0640';
const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëïîôûüçšÉÏÇ'];
const LATIN_SIGNS = [' ', ' ', '-', "'", '.'];

const word = (letters: string[]) =>
  fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }).map((chars) => chars.join(''));

/** Arabic names of one to four words, articles and compounds included, some with article-like beginnings. */
const arabicName = fc
  .array(
    fc.oneof(
      word(ARABIC_LETTERS),
      word(ARABIC_LETTERS).map((text) => `ال${text}`),
      fc.constantFrom('ابن', 'بن', 'عبد', 'آيت', 'الدين'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((words) => words.join(' '));

/** Latin names of one to four words joined by spaces, hyphens, apostrophes or dots, with particles and articles. */
const latinName = fc
  .array(
    fc.tuple(
      fc.oneof(word(LATIN_LETTERS), fc.constantFrom('El', 'al', "l'", 'Ben', 'Ould', 'Aït', 'Abdel', 'eddine', 'Es', 'ed')),
      fc.constantFrom(...LATIN_SIGNS),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.map(([text, sign]) => text + sign).join(''));

const anyName = fc.oneof(arabicName, latinName, fc.string({ unit: 'binary', maxLength: 30 }));

/** The same Arabic name with harakat and tatweel scattered through it. */
const arabicNameWithMarks = arabicName.chain((name) =>
  fc
    .array(fc.constantFrom(...HARAKAT, TATWEEL, ''), { minLength: name.length, maxLength: name.length })
    .map((marks) => ({ name, marked: [...name].map((letter, index) => letter + marks[index]!).join('') })),
);

describe('normalization', () => {
  it('is idempotent for Arabic names', () => {
    fc.assert(
      fc.property(fc.oneof(arabicName, fc.string({ unit: 'binary', maxLength: 30 })), (name) => {
        expect(normalizeArabicName(normalizeArabicName(name))).toBe(normalizeArabicName(name));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is idempotent for Latin names', () => {
    fc.assert(
      fc.property(fc.oneof(latinName, fc.string({ unit: 'binary', maxLength: 30 })), (name) => {
        expect(normalizeLatinName(normalizeLatinName(name))).toBe(normalizeLatinName(name));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('skeleton', () => {
  it('of an Arabic name is the skeleton of its normalized form', () => {
    fc.assert(
      fc.property(arabicName, (name) => {
        expect(nameSkeleton(normalizeArabicName(name))).toBe(nameSkeleton(name));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('of a Latin name is the skeleton of its normalized form', () => {
    fc.assert(
      fc.property(latinName, (name) => {
        expect(nameSkeleton(normalizeLatinName(name))).toBe(nameSkeleton(name));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('of an Arabic name never changes with diacritics or tatweel added', () => {
    fc.assert(
      fc.property(arabicNameWithMarks, ({ name, marked }) => {
        expect(nameSkeleton(marked)).toBe(nameSkeleton(name));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('search keys', () => {
  it('are 0 to 3 distinct keys of consonant classes, short enough for a DynamoDB key', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const keys = searchKeys(name);
        expect(keys.length).toBeLessThanOrEqual(3);
        expect(new Set(keys)).toHaveLength(keys.length);
        expect(keys.every((key) => /^[bcdfghjklmnrstwxyz]{1,64}$/.test(key))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('start with a key no longer than the skeleton, and exist whenever the skeleton does', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const key = searchKeys(name)[0] ?? '';
        expect(key.length).toBeLessThanOrEqual(nameSkeleton(name).length);
        expect(key === '').toBe(nameSkeleton(name) === '');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('similarity', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(nameSimilarity(a, b)).toBe(nameSimilarity(b, a));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is 1 for the same name', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(nameSimilarity(name, name)).toBe(1);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const similarity = nameSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('a batch of names', () => {
  // A smoke run over many names: it shows every function copes with volume; nothing is timed, so it cannot flake.
  it('keys ten thousand generated names without throwing', () => {
    const names = fc.sample(fc.oneof(arabicName, latinName), { numRuns: 10_000, seed: 42 });
    const keyed = names.filter((name) => searchKeys(name).length > 0 && nameSimilarity(name, names[0]!) >= 0);
    expect(keyed.length).toBeGreaterThan(0);
    // About a second on an idle machine; the bound only keeps a busy shared machine from failing it.
  }, 30_000);
});
