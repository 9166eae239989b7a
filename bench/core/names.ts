// Synthetic Moroccan names for the registry benchmark, written here (no data set can be downloaded): each name is
// one pronunciation in a small phonemic notation, from which its Arabic spelling is derived by the rules of the
// script, and its Latin spellings by the habits registrars and citizens really have (French transliteration,
// the assimilated article, family name first, joined or hyphenated compounds, ou/u/w, ch/sh/š, doubled
// consonants, dropped vowels). Given names are written out (a few hundred, compounds included); family names are
// generated from real-looking roots and patterns, places, trades and the ben-/bou-/ait-/ould- forms (about 1,100).
// Frequencies are Zipf-like, so some names are very common and most are rare, as in a real register.
import type { Random } from './random.ts';

// Phonemic notation, one character a sound:
//   b t d j H(ح) x(خ) r z s c(ش) g(غ) f q k l m n h w y 3(ع) '(hamza) T(ط) D(ض) S(ص) Z(ظ) P(ث) Q(ذ)
//   a i u short vowels (unwritten in Arabic), A I U long vowels (ا ي و), ~ final alef maqsura (ى), @ ta marbuta (ة),
//   e an Amazigh schwa (unwritten); a doubled consonant is a geminate (shadda, unwritten);
//   "al-" opens a word with the article; "+" glues two parts written as one word in Arabic (bin+3alI = بنعلي).
export type Phonemes = string;

/** What a spelling did that an exact-match search would not forgive; the benchmark reports recall per habit. */
export const HABITS = [
  'assimilated article',
  'family name first',
  'compound joined',
  'compound hyphenated',
  'ou/u/w',
  'ch/sh/š',
  'doubled consonants',
  'dropped vowels',
] as const;
export type Habit = (typeof HABITS)[number];

export interface Spelling {
  readonly text: string;
  readonly habits: ReadonlySet<Habit>;
}

const SUN_LETTERS = new Set([...'tTPdDQZrzsScnl']);
const CONSONANTS = new Set([...'btdjHxrzscgfqklmnhwy3\'TDSZPQ']);
const VOWELS = new Set([...'aiuAIUe~@']);

const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  b: 'ب', t: 'ت', d: 'د', j: 'ج', H: 'ح', x: 'خ', r: 'ر', z: 'ز', s: 'س', c: 'ش', g: 'غ', f: 'ف', q: 'ق', k: 'ك',
  l: 'ل', m: 'م', n: 'ن', h: 'ه', w: 'و', y: 'ي', 3: 'ع', T: 'ط', D: 'ض', S: 'ص', Z: 'ظ', P: 'ث', Q: 'ذ',
  A: 'ا', I: 'ي', U: 'و', '~': 'ى', '@': 'ة',
};

/** The seat of a hamza: its vowel's letter, i before u before a (وائل, فؤاد, رؤوف, سأل), alone after a final long a. */
function hamza(word: string, index: number): string {
  const next = word[index + 1];
  const previous = word[index - 1];
  if (index === 0) return next === 'i' ? 'إ' : 'أ';
  if (next === undefined) return 'ء';
  if (next === 'i' || next === 'I' || previous === 'i') return 'ئ';
  if (next === 'u' || next === 'U' || previous === 'u') return 'ؤ';
  return 'أ';
}

/** The Arabic spelling of a word: the article written, short vowels and shadda left out, hamza on its seat. */
function arabicWord(word: string): string {
  if (word === 'al-lAh') return 'الله';
  if (word === "al-'ilAh") return 'الإله';
  if (word.startsWith('al-')) return `ال${arabicWord(word.slice(3))}`;
  const parts = word.split('+');
  if (parts.length > 1) return parts.map(arabicWord).join('');
  let written = '';
  for (let index = 0; index < word.length; index++) {
    const sound = word[index]!;
    if (sound === word[index - 1] && CONSONANTS.has(sound)) continue;
    if (sound === "'") written += hamza(word, index);
    else if (index === 0 && (sound === 'a' || sound === 'u')) written += 'أ';
    else if (index === 0 && sound === 'i') written += 'إ';
    else written += ARABIC_LETTERS[sound] ?? '';
  }
  return written;
}

export function arabicSpelling(name: Phonemes): string {
  return name.split(' ').map(arabicWord).join(' ');
}

/**
 * The Arabic a person types: the register's spelling, or with probability `variety` at each habit the hamza
 * seats, ta marbuta and alef maqsura written plainly, the article of a name left out, or a compound joined
 * (عبدالقادر, نورالدين).
 */
export function typedArabic(name: Phonemes, random: Random, variety: number): string {
  let typed = arabicSpelling(name);
  if (random.chance(variety)) typed = typed.replace(/[أإآ]/g, 'ا');
  if (random.chance(variety)) typed = typed.replace(/ة/g, 'ه').replace(/ى/g, 'ي');
  if (random.chance(variety)) typed = typed.replace(/(^| )ال(?=\S{3})/g, '$1');
  if (random.chance(variety)) typed = typed.replace(/(عبد|نور|سيف|بدر) ال/g, '$1ال');
  return typed;
}

/**
 * Draws Latin spellings: each choice point takes its usual spelling, or with probability `variety` another one a
 * person would type; the habits behind the unusual choices are noted.
 */
class LatinSpeller {
  readonly habits = new Set<Habit>();
  constructor(
    private readonly random: Random,
    private readonly variety: number,
  ) {}

  choose(options: readonly string[], habit?: Habit): string {
    if (options.length === 1 || !this.random.chance(this.variety)) return options[0]!;
    const chosen = options[this.random.integer(1, options.length - 1)]!;
    if (habit) this.habits.add(habit);
    return chosen;
  }

  /** Sounds with no usual spelling: each spelling as likely (short vowels, above all). */
  any(options: readonly string[]): string {
    return this.random.pick(options);
  }

  sound(word: string, index: number): string {
    const sound = word[index]!;
    const previous = word[index - 1];
    const next = word[index + 1];
    const betweenVowels = previous !== undefined && VOWELS.has(previous) && next !== undefined && VOWELS.has(next);
    switch (sound) {
      case 'a':
      case 'i':
      case 'u': {
        // Only between two written consonants, not after a silent hamza or ع (Omar, Imane keep their first vowel).
        const droppable = previous !== undefined && CONSONANTS.has(previous) && !"'3".includes(previous) && next !== undefined && CONSONANTS.has(next) && word[index + 2] !== undefined;
        if (droppable && this.random.chance(this.variety / 4)) {
          this.habits.add('dropped vowels');
          return '';
        }
        if (sound === 'a') return this.any(['a', 'a', 'e']);
        if (sound === 'i') return this.any(['i', 'i', 'e']);
        return this.choose([this.any(['ou', 'o']), 'u'], 'ou/u/w');
      }
      case 'A':
        return next === "'" && word[index + 2] === undefined ? this.choose(['a', 'ae', 'aa']) : 'a';
      case 'I':
        return next === undefined ? this.choose(['i', 'y']) : 'i';
      case 'U':
        return this.choose(['ou', 'u', 'o', 'oo'], 'ou/u/w');
      case '~':
        return 'a';
      case '@':
        return this.choose(['a', 'ah']);
      case 'e':
        return this.choose(['e', '']);
      case 'w':
        return index === 0 || betweenVowels || (next !== undefined && VOWELS.has(next)) ? this.choose(['ou', 'w', 'u'], 'ou/u/w') : this.choose(['ou', 'w'], 'ou/u/w');
      case 'y':
        if (index === 0) return 'y';
        return CONSONANTS.has(previous!) ? this.choose(['i', 'y']) : this.choose(['y', 'i']);
      case 'c':
        return this.choose(['ch', 'sh', 'š'], 'ch/sh/š');
      case 's':
      case 'S':
        // French doubles an s between vowels to keep it unvoiced (Youssef, Hassan).
        return betweenVowels ? this.choose(['ss', 's'], 'doubled consonants') : 's';
      case 'x':
        return 'kh';
      case 'g':
        return this.choose(['gh', 'rh', 'g']);
      case 'q':
        return this.choose(['k', 'q']);
      case 'j':
        return this.choose(['j', 'dj']);
      case 'P':
        return this.choose(['t', 'th']);
      case 'Q':
      case 'D':
        return this.choose(['d', 'dh']);
      case 'Z':
        return this.choose(['d', 'dh', 'z']);
      case 'T':
        return 't';
      case 'H':
        return 'h';
      case '3':
        // ع after a and before a consonant is heard as a long a (Saad, Chaabi); elsewhere Latin leaves it out.
        return previous === 'a' && next !== undefined && CONSONANTS.has(next) ? this.choose(['a', '']) : '';
      case "'":
        return '';
      default:
        return sound;
    }
  }

  /** The letters of a word without its article; a geminate doubled or not, a final -in/-an with the French e. */
  stem(word: string): string {
    let letters = '';
    for (let index = 0; index < word.length; index++) {
      const sound = word[index]!;
      if (sound === '+') continue;
      if (sound === word[index + 1] && CONSONANTS.has(sound)) {
        const one = sound === 'y' || sound === 'w' ? sound : this.sound(word, index + 1);
        letters += this.choose([one + one, one], 'doubled consonants').replace(/^(ch|sh|kh|gh|rh|th|dh|dj|ou)\1$/, '$1');
        index += 1;
        continue;
      }
      letters += this.sound(word, index);
    }
    if (/(?:I|A)n$/.test(word)) letters += this.choose(['e', '']);
    return letters;
  }

  /** "al-" before the letters of the word: El Alaoui, Elalaoui, Alaoui, Lamrani; Et-Tazi, Ettazi, Tazi, El Tazi. */
  article(word: string): { article: string; glue: string } {
    const first = word[3]!;
    const doubled = first === 'c' ? 'ch' : first === 'P' ? 'th' : first.toLowerCase();
    if (SUN_LETTERS.has(first)) {
      const form = this.random.pick(['assimilated', 'dropped', 'apart'] as const);
      if (form === 'dropped') return { article: '', glue: '' };
      if (form === 'apart') return { article: this.choose(['el', 'al']), glue: this.choose([' ', '-']) };
      this.habits.add('assimilated article');
      return { article: `e${doubled.slice(0, 1)}`, glue: this.choose(['', '-', ' ']) };
    }
    const form = this.random.pick(['apart', 'apart', 'dropped', 'glued'] as const);
    if (form === 'dropped') return { article: '', glue: '' };
    if (form === 'glued') return { article: this.choose(['el', 'l']), glue: '' };
    return { article: this.choose(['el', 'al']), glue: this.choose([' ', '-']) };
  }

  word(word: string): string {
    if (word === 'wuld') return 'Ould';
    if (word === "'ayt") return this.choose(['Ait', 'Ayt', 'Aït']);
    const prefix = /^(bin|bU)\+(.+)$/.exec(word);
    if (prefix) {
      // Ben Ali, Benali, Ben-Ali; Bouzid, Bou Zid: the Arabic writes them as one word, Latin as it likes.
      const first = prefix[1] === 'bin' ? this.choose(['Ben', 'Bin', 'Ibn']) : this.choose(['Bou', 'Bu', 'Bo'], 'ou/u/w');
      const joint = this.choose(['', ' ', '-']);
      if (joint === '-') this.habits.add('compound hyphenated');
      const rest = this.word(prefix[2]!);
      return joint === '' ? first + rest.toLowerCase() : first + joint + rest;
    }
    if (!word.startsWith('al-')) return capitalized(this.stem(word));
    const { article, glue } = this.article(word);
    const stem = this.stem(word.slice(3));
    if (!article) return capitalized(stem);
    return glue === '' ? capitalized(article + stem) : `${capitalized(article)}${glue}${capitalized(stem)}`;
  }

  /** A name of several words: written apart, hyphenated or joined (Fatima Zahra, Fatima-Zahra, Fatimazahra). */
  name(name: Phonemes): string {
    const words = name.split(' ');
    if (words[0] === '3abd' && words.length === 2) return this.abdCompound(words[1]!);
    const rendered = words.map((word) => this.word(word));
    if (rendered.length === 1) return rendered[0]!;
    const joint = this.random.chance(this.variety) ? this.random.pick(['-', ''] as const) : ' ';
    if (joint === '-') this.habits.add('compound hyphenated');
    if (joint === '') this.habits.add('compound joined');
    return rendered.map((word, index) => (index > 0 && joint === '' ? word.toLowerCase() : word)).join(joint);
  }

  /** Abdelkader, Abd El Kader, Abdel Kader, Abdul Qadir; Abderrahim, Abd Er-Rahim, Abdurrahim. */
  private abdCompound(second: string): string {
    const form = this.random.pick(['joined', 'joined', 'apart', 'half'] as const);
    const vowel = this.choose(['e', 'a', 'u', 'ou'], 'ou/u/w');
    const { article, glue } = this.article(second);
    const stem = this.stem(second.slice(3));
    const articleText = article === '' ? `${vowel}l` : article.replace(/^[ea]/, vowel);
    if (form === 'joined') return capitalized(`abd${articleText}${stem}`);
    if (form === 'half') return `Abd${articleText} ${capitalized(stem)}`;
    return `Abd ${capitalized(articleText)}${glue === '' ? ' ' : glue}${capitalized(stem)}`;
  }
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A Latin spelling of a name; `variety` is the chance of an unusual spelling at each choice point. */
export function latinSpelling(name: Phonemes, random: Random, variety: number): Spelling {
  const speller = new LatinSpeller(random, variety);
  return { text: speller.name(name), habits: speller.habits };
}

// Given names, most common first (the order gives the Zipf rank).
export const MALE_GIVEN_NAMES: readonly Phonemes[] = [
  'muHammad', "'aHmad", 'yUsuf', 'racId', 'xAlid', '3abd al-lAh', 'Hasan', '3umar', "'ibrAhIm", 'HusIn', 'sa3Id',
  'karIm', "'ayyUb", "'amIn", 'yAsIn', 'maHmUd', '3alI', 'Hamz@', "'anas", 'muSTaf~', '3abd al-qAdir', 'TAriq',
  'hicAm', 'jamAl', 'nUr al-dIn', '3abd al-raHIm', 'laHsan', "'idrIs", "'ismA3Il", 'bilAl', 'marwAn', 'riD~',
  'walId', 'zakariyyA', 'sufyAn', '3abd al-3azIz', 'nabIl', 'samIr', 'kamAl', 'mUs~', '3Is~', 'yaHy~', "'ilyAs",
  "'ayman", '3abd al-salAm', '3adnAn', '3Adil', '3imAd', '3iSAm', "fu'Ad", 'faySal', 'HakIm', 'HAfiD', 'HamId',
  'HAmid', 'hAdI', 'jawAd', 'jalAl', 'xalIl', 'mahdI', 'manSUr', 'murAd', 'munSif', 'nAdir', 'qAsim', 'raDwAn',
  'rabI3', 'rayAn', 'SalAH al-dIn', 'SAliH', 'SAbir', 'tawfIq', 'yazId', 'zayd', '3abd al-laTIf', '3abd al-Haqq',
  '3abd al-majId', '3abd al-karIm', "3abd al-'ilAh", '3abd al-HamId', '3abd al-wAHid', '3abd al-razzAq',
  '3abd al-Samad', '3abd al-fattAH', '3abd al-mAlik', '3abd al-jalIl', '3abd al-wahhAb', '3abd al-ganI',
  '3abd al-nAsir', "muHammad 'amIn", 'muHammad 3alI', 'muHammad riD~', 'muHammad yAsIn', 'muHammad karIm',
  "muHammad 'anas", 'badr al-dIn', 'kamAl al-dIn', 'naSr al-dIn', 'jamAl al-dIn', "3alA' al-dIn", 'caraf al-dIn',
  'xayr al-dIn', 'zayn al-dIn', 'faxr al-dIn', 'sayf al-dIn', '3izz al-dIn', 'HusAm al-dIn', 'tAj al-dIn',
  'zuhayr', '3abbAs', 'bacIr', 'bUct~', 'fArUq', 'hAcim', 'hAnI', '3allAl', '3ammAr', 'yUnus', 'jibrIl', 'sulaymAn',
  '3uPmAn', 'najIb', 'rafIq', 'ziyAd', 'sahl', 'Tayyib', 'SadIq', 'nAjI', 'muctAq', 'muxtAr', 'maymUn', 'mubArak',
  'mas3Ud', 'maHjUb', 'jilAlI', 'HammU', 'Haddu', 'bU+c3ayb', 'cu3ayb', 'sallAm', 'Hamdan', "wA'il", 'ya3qUb',
  '3abd al-bAqI', '3abd al-mun3im', 'muncif', 'cakIb', 'cAkir', 'sa3d', 'sAmI', 'fahd', 'Hamd', 'TAhir', "ra'Uf",
  'DirAr', 'gAlI', 'gAzI', 'mAlik', 'muHsin', 'mu3Ad',
];

export const FEMALE_GIVEN_NAMES: readonly Phonemes[] = [
  'fATim@', 'xadIj@', 'fATim@ al-zahrA', "3A'ic@", 'maryam', 'zaynab', 'salm~', 'sanA', 'hind', 'nAdy@', 'karIm@',
  "'amIn@", "'imAn", "'ilhAm", 'sa3Ad', 'layl~', 'laTIf@', 'HanAn', 'xawl@', 'gizlAn', "'asmA", 'najAt', 'nawAl',
  'rajA', 'sukayn@', 'sihAm', 'sumay@', 'wafA', "'ibtisAm", "'ikrAm", 'jamIl@', 'kawPar', 'lubn~', 'malak', 'manAl',
  'mun~', 'nisrIn', 'nUr', 'racId@', 'SAliH@', 'widAd', 'yAsmIn', 'yusr~', 'nazIh@', 'najw~', 'hAjar', 'gIP@',
  "wi'Am", 'caymA', 'dunyA', 'HayAt', 'samIr@', 'rabI3@', 'HafS@', 'nuh~', 'hud~', 'nUr al-hud~', 'fATim@ al-zahr@',
  'kalPUm', "ru'y@", 'zahr@', 'zubayd@', 'bucr~', 'Hasn~', 'SafA', 'samy@', 'lamy@', 'Sabr@', 'mImUn@', 'yamIn@',
  'raHm@', 'raDw~', 'HalIm@', 'farId@', 'bahIj@', 'sa3Id@', "'amal", 'sAr@', "'Ay@", 'rAny@', 'rIm', 'hib@',
  'dalAl', 'Hadd@', 'xayr@', '3abIr', '3afAf', '3azIz@', 'kawkab', 'ward@', 'mariyy@', 'naj3@', 'jumAn@', 'cahd',
  'Hasn@', 'Duh~', 'ibtihAl', 'Sif@', 'rIHAn@', 'najlA', 'jawharaa', 'ruqayy@', 'Halim@', 'manIr@', 'nabIl@',
];

/** Sound triliteral roots for the root-and-pattern family names. */
const ROOTS = [
  'Hmd', 'slm', 'krm', 'nSr', 'fDl', 'jml', 'Hsn', 'rcd', 's3d', 'xlf', 'mlk', '3lm', 'qdr', 'rHm', 'Hkm', 'ftH',
  'Sbr', 'jbr', 'zhr', 'rzq', '3bd', 'Tlb', 'ktb', '3mr', 'brk', 'xTb', 'njm', 'njb', 'ckr', 'fxr', 'brd', 'drs',
  'gnm', 'srj', 'lTf', 'Srf', 'Hfz', 'bkr', 'ql3', 'Hrz', 'jld', 'xzn', 'rbH', 'qsm', 'Hlm', 'Hjb', 'Tbx', 'zrq',
];

/** Patterns, 1 2 3 standing for the root's consonants: Haddad, Karim, Mansour, Hamidi, Khaldoun, Hamdaoui... */
const PATTERNS = [
  '1a22A3', '1a2I3I', 'ma12U3I', '1A2i3I', '1a23Un', '1a23AnI', '1a23AwI', '1a22A3I', '1a22A3@', '1u2ay3I',
  'bin+1a2I3', 'bU+1a23', '1a2A3I', 'mu1a22a3I', '1i2A3I',
];

/** Places, tribes and regions, as the nisba family names they give (Fassi, Tazi, Alaoui, Idrissi...). */
const PLACE_NAMES = [
  'fAsI', 'tAzI', '3alawI', 'idrIsI', 'wazzAnI', 'cAwI', 'kattAnI', 'saqqAlI', '3amrAnI', 'filAlI', 'marrAkucI',
  'miknAsI', 'slAwI', 'TanjAwI', 'sUsI', 'rIfI', 'dukkAlI', 'HamdAwI', 'barkAnI', 'sabtI', 'gumArI', 'zarhUnI',
  'tAdlAwI', 'baqqAlI', 'safrIwI', 'hilAlI', 'zammUrI', 'manSUrI', 'jabrI', '3ayyAcI', 'wahbI', 'tUzAnI',
  'xaTTAbI', 'zayyAnI', 'marInI', 'jIlAlI', '3irAqI', 'yamanI', 'SaHrAwI', 'jazUlI', 'zaydAnI', 'andalusI',
  'tiTwAnI', 'wajdI', 'bayDAwI', 'HawzI', 'garbI', 'caylI', 'zanAtI', 'maSmUdI', 'harrAzI', 'qurayc', 'SanhAjI',
  'ZAhirI', 'rahmAnI', 'ayyUbI', 'muwaHHidI', 'qAdirI', 'tijAnI', 'nAsirI', 'darqAwI', 'bADisI', 'jabalI',
];

/** Trades and epithets written with the article (El Haddad, Ennajjar, Lakhssassi...). */
const TRADES = [
  'HaddAd', 'najjAr', 'xayyAT', 'bazzAz', '3aTTAr', 'qabbAj', 'SabbAg', 'jazzAr', 'faxxAr', 'xarrAz', 'dabbAg',
  'naqqAc', 'SaffAr', 'HaddAj', 'xabbAz', 'TabbAx', 'jammAl', 'baqqAl', 'qaSSAb', 'sarrAj', 'dallAl', 'HajjAm',
  'HarrAc', 'kabIr', 'Sagir', 'TawIl', 'asmar', 'abyaD', 'aSfar', 'azraq', 'aHmar', 'cAmI',
];

/** Phonemes of a given name without the parts that cannot open or close a family name. */
const simpleGiven = (names: readonly Phonemes[]) => names.filter((name) => !name.includes(' ') && !name.startsWith("'"));

function familyNameCandidates(random: Random): Phonemes[] {
  const candidates: Phonemes[] = [];
  const withArticle = (word: string) => (random.chance(0.6) ? `al-${word}` : word);
  for (const place of PLACE_NAMES) candidates.push(withArticle(place));
  for (const trade of TRADES) candidates.push(`al-${trade}`);
  for (const root of ROOTS) {
    for (const pattern of PATTERNS) {
      const word = pattern.replace(/[123]/g, (slot) => root[Number(slot) - 1]!);
      candidates.push(word.endsWith('I') && !word.includes('+') ? withArticle(word) : word);
    }
  }
  const givens = simpleGiven(MALE_GIVEN_NAMES);
  for (const given of givens) {
    const bare = given.replace(/~$/, 'A');
    candidates.push(`bin+${bare}`, `bU+${bare}`, `'ayt ${bare}`);
    if (/[^aiuAIU~@]$/.test(given)) candidates.push(withArticle(`${given}I`));
    if (given.endsWith('~')) candidates.push(withArticle(`${given.slice(0, -1)}awI`));
  }
  for (const given of givens.slice(0, 40)) candidates.push(`'ayt bin+${given.replace(/~$/, 'A')}`, `wuld ${given}`);
  return candidates;
}

/** The names, the first of those written alike in Arabic (the article aside) kept: they are one name. */
export function distinctInArabic(names: readonly Phonemes[]): Phonemes[] {
  const byArabic = new Map<string, Phonemes>();
  for (const name of names) {
    const key = arabicSpelling(name).replace(/(^| )ال/g, '$1');
    if (!byArabic.has(key)) byArabic.set(key, name);
  }
  return [...byArabic.values()];
}

/**
 * The family names, deduplicated by their Arabic spelling without the article (two names written alike in Arabic
 * are one name), in a seeded random order that is their Zipf rank.
 */
export function familyNames(random: Random): Phonemes[] {
  const names = distinctInArabic(familyNameCandidates(random));
  for (let index = names.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [names[index], names[other]] = [names[other]!, names[index]!];
  }
  return names;
}

/** Draws an item with probability proportional to 1 / (rank + offset): Zipf-Mandelbrot, heavy head, long tail. */
export function zipfPicker<T>(items: readonly T[], offset: number): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, rank) => cumulative.push((total += 1 / (rank + 1 + offset))));
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}
