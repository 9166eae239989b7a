// The Moroccan spelling habits the national search forgives: a name typed with each habit finds the act whose name
// is written otherwise (in the other script, or another Latin spelling), and ranks it above a different name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSimilarity, nameSplits, searchKeys } from '../../../functions/civil-status/domain/person-name.ts';

interface StoredName {
  readonly given: string;
  readonly family: string;
}

/** Whether some split of the typed name shares a key with the stored given name and with the stored family name. */
function finds(typed: string, stored: StoredName): boolean {
  const shares = (a: string, b: string) => searchKeys(a).some((key) => searchKeys(b).includes(key));
  return nameSplits(typed).some((split) => split.given !== undefined && shares(split.given, stored.given) && shares(split.family, stored.family));
}

/** As the search ranks: the stored name read given name first or family name first, whichever is closer. */
const rank = (typed: string, name: StoredName) => Math.max(nameSimilarity(typed, `${name.given} ${name.family}`), nameSimilarity(typed, `${name.family} ${name.given}`));

describe.each([
  ['the assimilated article', 'Youssef Echchaoui', { given: 'يوسف', family: 'الشاوي' }, { given: 'يوسف', family: 'الشامي' }],
  ['the assimilated article', 'Fatima Ezzahra Tazi', { given: 'فاطمة الزهراء', family: 'التازي' }, { given: 'فاطمة', family: 'التازي' }],
  ['the assimilated article', 'Karim Ettazi', { given: 'Karim', family: 'Tazi' }, { given: 'Karim', family: 'Tahiri' }],
  ['the assimilated article', 'Said Es-Saidi', { given: 'سعيد', family: 'السعيدي' }, { given: 'سعيد', family: 'السوسي' }],
  ['family name first', 'Bennani Mohamed', { given: 'محمد', family: 'بناني' }, { given: 'محمد', family: 'بنعلي' }],
  ['family name first', 'El Idrissi Fatima Zahra', { given: 'Fatima Zahra', family: 'Idrissi' }, { given: 'Fatima', family: 'Idrissi' }],
  ['a joined compound given name', 'Fatimazahra Alaoui', { given: 'فاطمة الزهراء', family: 'العلوي' }, { given: 'فاطمة', family: 'العلوي' }],
  ['a joined compound given name', 'Mohamedamine Tazi', { given: 'محمد أمين', family: 'التازي' }, { given: 'محمد', family: 'التازي' }],
  ['a hyphenated compound given name', 'Fatima-Zahra Bennani', { given: 'Fatima Zahra', family: 'Bennani' }, { given: 'Fatima', family: 'Bennani' }],
  ['a hyphenated compound given name', 'Nour-Eddine Kettani', { given: 'نور الدين', family: 'الكتاني' }, { given: 'نور', family: 'الكتاني' }],
  ['ou for w', 'Marouane Ouazzani', { given: 'مروان', family: 'الوزاني' }, { given: 'مروان', family: 'الزياني' }],
  ['w for ou', 'Marwan Wazzani', { given: 'Marouane', family: 'Ouazzani' }, { given: 'Marouane', family: 'Zayani' }],
  ['u for ou', 'Yusuf Alaui', { given: 'يوسف', family: 'العلوي' }, { given: 'يونس', family: 'العلوي' }],
  ['ou before a vowel where Arabic has ع', 'Mouad Souiri', { given: 'معاذ', family: 'الصويري' }, { given: 'مراد', family: 'الصويري' }],
  ['u for ou', 'Mahmud Benjellun', { given: 'محمود', family: 'بنجلون' }, { given: 'محمد', family: 'بنجلون' }],
  ['sh for ch', 'Hisham Shaoui', { given: 'Hicham', family: 'Chaoui' }, { given: 'Hakim', family: 'Chaoui' }],
  ['š for ch', 'Hišam Šraibi', { given: 'هشام', family: 'الشرايبي' }, { given: 'هشام', family: 'الشرقاوي' }],
  ['a single consonant for a doubled one', 'Yousef Benani', { given: 'Youssef', family: 'Bennani' }, { given: 'Youssef', family: 'Benali' }],
  ['a doubled consonant for a single one', 'Mohammed Berrada', { given: 'محمد', family: 'برادة' }, { given: 'محمود', family: 'برادة' }],
  ['dropped vowels', 'Mhamed Bnnani', { given: 'محمد', family: 'بناني' }, { given: 'محمود', family: 'بناني' }],
  ['dropped vowels', 'Khdija Lhlou', { given: 'Khadija', family: 'Lahlou' }, { given: 'Khalida', family: 'Lahlou' }],
  ['a final h for ة', 'Fatimah Berradah', { given: 'فاطمة', family: 'برادة' }, { given: 'فتيحة', family: 'برادة' }],
  ['a vowel between s and h', 'Siham Sahli', { given: 'سهام', family: 'السهلي' }, { given: 'سناء', family: 'السهلي' }],
  ['rh for غ', 'Rhita Rharbi', { given: 'غيثة', family: 'الغربي' }, { given: 'غيثة', family: 'العربي' }],
  ['an article glued before a vowel', 'Ayoub Elandaloussi', { given: 'أيوب', family: 'الأندلسي' }, { given: 'أيوب', family: 'الدكالي' }],
  ['the article of abd- written ul or oul', 'Abd Oul Kader Fassi', { given: 'عبد القادر', family: 'الفاسي' }, { given: 'عبد القوي', family: 'الفاسي' }],
])('%s: "%s"', (_habit, typed, stored, other) => {
  it('finds the act', () => {
    expect(finds(typed, stored)).toBe(true);
  });

  it('ranks it above a different name', () => {
    expect(rank(typed, stored)).toBeGreaterThan(rank(typed, other));
  });
});

describe('nameSplits', () => {
  it('cuts a two-word name both ways, as people type the family name first', () => {
    expect(nameSplits('Mohamed Bennani')).toEqual([
      { given: 'Mohamed', family: 'Bennani' },
      { family: 'Mohamed', given: 'Bennani' },
    ]);
  });

  it('never cuts after abd, ben, bou, ait or an article, nor before an -eddine tail', () => {
    expect(nameSplits('Abd El Kader Ait Ben Haddou')).toEqual([
      { given: 'Abd El Kader', family: 'Ait Ben Haddou' },
      { family: 'Abd El Kader', given: 'Ait Ben Haddou' },
    ]);
    expect(nameSplits('Nour Ed Dine Bou Zid')).toEqual([
      { given: 'Nour Ed Dine', family: 'Bou Zid' },
      { family: 'Nour Ed Dine', given: 'Bou Zid' },
    ]);
  });

  it('keeps a single word as a family name', () => {
    expect(nameSplits('  Bennani ')).toEqual([{ family: 'Bennani' }]);
  });
});

const latinWord = fc
  .tuple(fc.constantFrom(...'bfjkmnrstz'), fc.array(fc.constantFrom(...'aeiou'), { minLength: 1, maxLength: 2 }), fc.constantFrom(...'bfjklmnrstz'), fc.constantFrom('', 'a', 'i'))
  .map(([first, vowels, second, end]) => `${first}${vowels.join('')}${second}${end}`)
  // Ben and bin (son of) open a name with the word after them, so "bin bab" is one family name, never cut.
  .filter((word) => word !== 'ben' && word !== 'bin');
const latinName = fc.array(latinWord, { minLength: 2, maxLength: 4 });

describe('habits, whatever the name', () => {
  it('a hyphen or a space between the parts of a compound gives the same keys', () => {
    fc.assert(
      fc.property(latinName, (words) => {
        expect(searchKeys(words.join('-'))).toEqual(searchKeys(words.join(' ')));
      }),
    );
  });

  it('a consonant doubled or not gives the same keys', () => {
    fc.assert(
      fc.property(latinWord, (word) => {
        const doubled = word.replace(/([bfjklmnrstz])(?=[aeiou]*$|[aeiou])/, '$1$1');
        expect(searchKeys(doubled)).toEqual(searchKeys(word));
      }),
    );
  });

  it('ou, u or w before a vowel gives the same keys', () => {
    fc.assert(
      fc.property(latinWord, latinWord, fc.constantFrom('ou', 'u', 'w'), fc.constantFrom('ou', 'u', 'w'), (before, after, one, other) => {
        expect(searchKeys(`${before}${one}${after.slice(1)}`)).toEqual(searchKeys(`${before}${other}${after.slice(1)}`));
      }),
    );
  });

  it('ch, sh or š gives the same keys', () => {
    fc.assert(
      fc.property(latinWord, fc.constantFrom('ch', 'sh', 'š'), fc.constantFrom('ch', 'sh', 'š'), (word, one, other) => {
        expect(searchKeys(`${one}${word.slice(1)}`)).toEqual(searchKeys(`${other}${word.slice(1)}`));
      }),
    );
  });

  it('a name typed family name first is split as given name last', () => {
    fc.assert(
      fc.property(latinWord, latinWord, (given, family) => {
        expect(nameSplits(`${family} ${given}`)).toContainEqual({ family, given });
      }),
    );
  });
});
