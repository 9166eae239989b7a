// Demo data loaded on the first start of a platform: real communes and offices, the fixed holidays
// and the permit procedures of arrêté 1839.23. Administrators edit it as data, never as code.
import type { FixedHolidayRule } from '../domain/holiday-calendar.ts';
import type { Commune } from '../domain/commune.ts';
import type { Procedure } from '../domain/procedure.ts';

const RABAT_SALE_KENITRA = { code: 'rabat-sale-kenitra', ar: 'جهة الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra' };

export const DEMO_COMMUNES: readonly Commune[] = [
  {
    code: 'rabat',
    names: { ar: 'الرباط', fr: 'Rabat' },
    kind: 'urban',
    province: { code: 'rabat', ar: 'عمالة الرباط', fr: 'Préfecture de Rabat' },
    region: RABAT_SALE_KENITRA,
    civilStatusOffices: [
      { code: 'RBT-HASSAN', names: { ar: 'مكتب الحالة المدنية حسان', fr: "Bureau d'état civil Hassan" } },
      { code: 'RBT-AGDAL-RIYAD', names: { ar: 'مكتب الحالة المدنية أكدال الرياض', fr: "Bureau d'état civil Agdal-Riyad" } },
    ],
  },
  {
    code: 'tamesna',
    names: { ar: 'تامسنا', fr: 'Tamesna' },
    kind: 'rural',
    province: { code: 'skhirate-temara', ar: 'عمالة الصخيرات تمارة', fr: 'Préfecture de Skhirate-Témara' },
    region: RABAT_SALE_KENITRA,
    civilStatusOffices: [{ code: 'TMS-TAMESNA', names: { ar: 'مكتب الحالة المدنية تامسنا', fr: "Bureau d'état civil Tamesna" } }],
  },
  {
    code: 'casablanca',
    names: { ar: 'الدار البيضاء', fr: 'Casablanca' },
    kind: 'urban',
    province: { code: 'casablanca-anfa', ar: 'عمالة الدار البيضاء أنفا', fr: "Préfecture de Casablanca-Anfa" },
    region: { code: 'casablanca-settat', ar: 'جهة الدار البيضاء سطات', fr: 'Casablanca-Settat' },
    civilStatusOffices: [
      { code: 'CASA-ANFA', names: { ar: 'مكتب الحالة المدنية أنفا', fr: "Bureau d'état civil Anfa" } },
      { code: 'CASA-MAARIF', names: { ar: 'مكتب الحالة المدنية المعاريف', fr: "Bureau d'état civil Maârif" } },
    ],
  },
  {
    code: 'fes',
    names: { ar: 'فاس', fr: 'Fès' },
    kind: 'urban',
    province: { code: 'fes', ar: 'عمالة فاس', fr: 'Préfecture de Fès' },
    region: { code: 'fes-meknes', ar: 'جهة فاس مكناس', fr: 'Fès-Meknès' },
    civilStatusOffices: [{ code: 'FES-AGDAL', names: { ar: 'مكتب الحالة المدنية أكدال', fr: "Bureau d'état civil Agdal" } }],
  },
  {
    code: 'marrakech',
    names: { ar: 'مراكش', fr: 'Marrakech' },
    kind: 'urban',
    province: { code: 'marrakech', ar: 'عمالة مراكش', fr: 'Préfecture de Marrakech' },
    region: { code: 'marrakech-safi', ar: 'جهة مراكش آسفي', fr: 'Marrakech-Safi' },
    civilStatusOffices: [{ code: 'MRK-GUELIZ', names: { ar: 'مكتب الحالة المدنية جليز', fr: "Bureau d'état civil Guéliz" } }],
  },
  {
    code: 'tanger',
    names: { ar: 'طنجة', fr: 'Tanger' },
    kind: 'urban',
    province: { code: 'tanger-assilah', ar: 'عمالة طنجة أصيلة', fr: 'Préfecture de Tanger-Assilah' },
    region: { code: 'tanger-tetouan-al-hoceima', ar: 'جهة طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma' },
    civilStatusOffices: [{ code: 'TNG-MEDINA', names: { ar: 'مكتب الحالة المدنية طنجة المدينة', fr: "Bureau d'état civil Tanger-Médina" } }],
  },
  {
    code: 'agadir',
    names: { ar: 'أكادير', fr: 'Agadir' },
    kind: 'urban',
    province: { code: 'agadir-ida-outanane', ar: 'عمالة أكادير إداوتنان', fr: 'Préfecture d’Agadir Ida-Outanane' },
    region: { code: 'souss-massa', ar: 'جهة سوس ماسة', fr: 'Souss-Massa' },
    civilStatusOffices: [{ code: 'AGA-AGADIR', names: { ar: 'مكتب الحالة المدنية أكادير', fr: "Bureau d'état civil Agadir" } }],
  },
  {
    code: 'oujda',
    names: { ar: 'وجدة', fr: 'Oujda' },
    kind: 'urban',
    province: { code: 'oujda-angad', ar: 'عمالة وجدة أنكاد', fr: "Préfecture d'Oujda-Angad" },
    region: { code: 'oriental', ar: 'جهة الشرق', fr: "L'Oriental" },
    civilStatusOffices: [{ code: 'OUJ-OUJDA', names: { ar: 'مكتب الحالة المدنية وجدة', fr: "Bureau d'état civil Oujda" } }],
  },
];

export const FIXED_HOLIDAY_RULES: readonly FixedHolidayRule[] = [
  { code: 'new-year', month: 1, day: 1, names: { ar: 'رأس السنة الميلادية', fr: 'Nouvel An' } },
  { code: 'independence-manifesto', month: 1, day: 11, names: { ar: 'ذكرى تقديم وثيقة الاستقلال', fr: "Manifeste de l'Indépendance" } },
  { code: 'amazigh-new-year', month: 1, day: 14, since: 2024, names: { ar: 'رأس السنة الأمازيغية', fr: 'Nouvel An amazigh' } },
  { code: 'labour-day', month: 5, day: 1, names: { ar: 'عيد الشغل', fr: 'Fête du Travail' } },
  { code: 'throne-day', month: 7, day: 30, names: { ar: 'عيد العرش', fr: 'Fête du Trône' } },
  { code: 'oued-ed-dahab', month: 8, day: 14, names: { ar: 'ذكرى استرجاع إقليم وادي الذهب', fr: 'Allégeance Oued Ed-Dahab' } },
  { code: 'revolution-king-people', month: 8, day: 20, names: { ar: 'ذكرى ثورة الملك والشعب', fr: 'Révolution du Roi et du Peuple' } },
  { code: 'youth-day', month: 8, day: 21, names: { ar: 'عيد الشباب', fr: 'Fête de la Jeunesse' } },
  { code: 'unity-day', month: 10, day: 31, since: 2026, names: { ar: 'عيد الوحدة', fr: "Fête de l'Unité" } },
  { code: 'green-march', month: 11, day: 6, names: { ar: 'ذكرى المسيرة الخضراء', fr: 'Marche Verte' } },
  { code: 'independence-day', month: 11, day: 18, names: { ar: 'عيد الاستقلال', fr: "Fête de l'Indépendance" } },
];

const ARRETE_1839_23 = 'Arrêté conjoint 1839.23 (BO 7212, 13 juillet 2023); loi 55-19';
const DEFAULT_PERIOD = 'default: period not found in the texts, 30 days kept as data';

function deemedApprovalAct(
  code: string,
  names: Procedure['names'],
  category: Procedure['category'],
  days: number,
  legalBasis: string,
): Procedure {
  return { code, names, category, period: { days, unit: 'calendar' }, deemedApproval: 'on-request', legalBasis };
}

export const DEMO_PROCEDURES: readonly Procedure[] = [
  deemedApprovalAct('building-small', { ar: 'رخصة البناء (المشاريع الصغرى)', fr: 'Permis de construire (petits projets)' }, 'urbanism', 15, ARRETE_1839_23),
  deemedApprovalAct('building-large', { ar: 'رخصة البناء (المشاريع الكبرى)', fr: 'Permis de construire (grands projets)' }, 'urbanism', 30, ARRETE_1839_23),
  deemedApprovalAct('subdivision', { ar: 'رخصة التجزئة', fr: 'Autorisation de lotir' }, 'urbanism', 30, ARRETE_1839_23),
  deemedApprovalAct('housing-group', { ar: 'رخصة إحداث مجموعة سكنية', fr: "Autorisation de créer un groupe d'habitations" }, 'urbanism', 30, ARRETE_1839_23),
  deemedApprovalAct('land-division', { ar: 'رخصة تقسيم العقارات', fr: 'Autorisation de morcellement' }, 'urbanism', 30, ARRETE_1839_23),
  deemedApprovalAct('occupancy', { ar: 'رخصة السكن وشهادة المطابقة', fr: "Permis d'habiter et certificat de conformité" }, 'urbanism', 30, DEFAULT_PERIOD),
  deemedApprovalAct('renovation', { ar: 'رخصة الإصلاح', fr: 'Autorisation de réfection' }, 'urbanism', 30, DEFAULT_PERIOD),
  deemedApprovalAct('demolition', { ar: 'رخصة الهدم', fr: 'Autorisation de démolition' }, 'urbanism', 30, DEFAULT_PERIOD),
  deemedApprovalAct(
    'establishment-class-2',
    { ar: 'رخصة استغلال مؤسسة مصنفة من الصنف الثاني', fr: "Autorisation d'exploitation d'un établissement classé de 2e catégorie" },
    'economic',
    30,
    DEFAULT_PERIOD,
  ),
  deemedApprovalAct(
    'establishment-class-3',
    { ar: 'رخصة استغلال مؤسسة مصنفة من الصنف الثالث', fr: "Autorisation d'exploitation d'un établissement classé de 3e catégorie" },
    'economic',
    30,
    DEFAULT_PERIOD,
  ),
];
