// Moroccan names as registrars have typed them for a century: each group is one name in its common Latin spellings
// and its Arabic spelling (from the spelling groups of test/unit/civil-status/person-name.test.ts), plus names whose
// variants the search is known to miss (functions/civil-status/domain/transliteration.ts), so recall is not flattered.
export interface NameGroup {
  readonly latin: readonly string[];
  readonly arabic: string;
}

export const MALE_GIVEN_NAMES: readonly NameGroup[] = [
  { latin: ['Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Mhamed'], arabic: 'محمد' },
  { latin: ['Youssef', 'Yousef', 'Youssouf'], arabic: 'يوسف' },
  { latin: ['Khalid', 'Khaled'], arabic: 'خالد' },
  { latin: ['Rachid', 'Rashid'], arabic: 'رشيد' },
  { latin: ['Hassan', 'Hasan'], arabic: 'حسن' },
  { latin: ['Hussein', 'Houssine', 'Hsain'], arabic: 'حسين' },
  { latin: ['Mahmoud', 'Mahmud'], arabic: 'محمود' },
  { latin: ['Abdelkader', 'Abd El Kader', 'Abdul Qadir', 'Abd al-Qadir'], arabic: 'عبد القادر' },
  // A known miss: s+h read as sh.
  { latin: ['Ishak', 'Ishaq', 'Ishaak'], arabic: 'إسحاق' },
];

export const FEMALE_GIVEN_NAMES: readonly NameGroup[] = [
  { latin: ['Fatima', 'Fatema'], arabic: 'فاطمة' },
  { latin: ['Aicha', 'Aisha', 'Aïcha'], arabic: 'عائشة' },
  // Known misses: ou before a vowel where Arabic has ع, and y before a short a.
  { latin: ['Souad', 'Suad', 'Soad'], arabic: 'سعاد' },
  { latin: ['Meryem', 'Maryam', 'Mariam'], arabic: 'مريم' },
];

export const FAMILY_NAMES: readonly NameGroup[] = [
  { latin: ['Bennani', 'Benani', 'Bnnani'], arabic: 'بناني' },
  { latin: ['El Idrissi', 'Idrissi', 'Drissi'], arabic: 'الإدريسي' },
  { latin: ['Ouazzani', 'Wazzani', 'El Ouazzani'], arabic: 'الوزاني' },
  { latin: ['Chaoui', 'Shawi'], arabic: 'الشاوي' },
  { latin: ['Alaoui', 'El Alaoui', 'Alaouii'], arabic: 'العلوي' },
  { latin: ['Tazi', 'Et-Tazi'], arabic: 'التازي' },
  { latin: ['El Fassi', 'Fassi', 'Al Fassi'], arabic: 'الفاسي' },
  { latin: ['Berrada', 'Berada'], arabic: 'برادة' },
  { latin: ['Benjelloun', 'Ben Jelloun', 'Benjeloun'], arabic: 'بنجلون' },
  { latin: ['Lahlou', 'Lahlo'], arabic: 'لحلو' },
  { latin: ['Sqalli', 'Skalli', 'Sekkali'], arabic: 'السقالي' },
  { latin: ['Kettani', 'El Kettani', 'Ktani'], arabic: 'الكتاني' },
];
