// The complaints settings of a collectivity: data its administrator edits, read at every filing. Its categories
// (each with its deadlines and whether it concerns a private matter), the reopening window and the reminders. A
// commune that never set them uses the defaults below; only the 15 and 60 days come from the decree, and whether
// they are calendar or working days is not said in the texts found (calendar days are assumed).
import type { StatutoryPeriod } from '../../shared/statutory-clock/statutory-clock.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { GeoPoint } from './commune-territory.ts';
import { DEFAULT_MEDIATOR_ANSWER_DAYS } from './mediator-referral.ts';

export interface ComplaintCategory {
  /** Stable, as Open311's `service_code`: `eclairage-public`. */
  readonly code: string;
  readonly names: Localized;
  /** Days to acknowledge and to answer, from the receipt; a procedure may count them in working days. */
  readonly acknowledgmentPeriod: StatutoryPeriod;
  readonly answerPeriod: StatutoryPeriod;
  /** About one person's own affairs (their civil-status act, their tax): never shown with a location in public. */
  readonly privateMatter: boolean;
}

export interface ComplaintSettings {
  readonly commune: string;
  readonly categories: readonly ComplaintCategory[];
  /** Days after the answer during which its complainant may reopen a complaint, once. */
  readonly reopenWindowDays: number;
  /** Days before each deadline when the unit is reminded of it (practice, not law). */
  readonly reminderDaysBefore: { readonly acknowledgment: number; readonly answer: number };
  /** Open complaints of the same category this close to a new one's point are suggested as duplicates. */
  readonly duplicateRadiusMeters: number;
  /**
   * Whether anyone may file without signing in, giving an e-mail address or a phone number instead (off unless the
   * commune turns it on; settings stored before it existed have none: off).
   */
  readonly anonymousFiling?: boolean;
  /**
   * The commune's territory, approximately (commune-territory.ts): a filing's point outside it is refused. None until
   * an administrator draws it: then nothing is checked.
   */
  readonly territory?: readonly GeoPoint[];
  /**
   * Days the administration has to answer the Médiateur du Royaume once it seizes it about a complaint, in calendar
   * days: 60 in one source, not confirmed (settings stored before it existed have none: 60).
   */
  readonly mediatorAnswerDays?: number;
  /** 0 while the defaults apply; each administrator's change adds one. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: { readonly sub: string; readonly role: Role };
}

/** Decree 2-17-265: acknowledgment within 15 days, answer within 60. */
export const DECREE_PERIODS = {
  acknowledgment: { days: 15, unit: 'calendar' },
  answer: { days: 60, unit: 'calendar' },
} as const satisfies Record<string, StatutoryPeriod>;

function category(code: string, names: Localized, privateMatter = false): ComplaintCategory {
  return { code, names, acknowledgmentPeriod: DECREE_PERIODS.acknowledgment, answerPeriod: DECREE_PERIODS.answer, privateMatter };
}

/** The categories a commune starts with, until its administrator sets its own. */
export const DEFAULT_CATEGORIES: readonly ComplaintCategory[] = [
  category('voirie', { ar: 'الطرق والأرصفة', fr: 'Voirie et trottoirs', en: 'Roads and pavements' }),
  category('eclairage-public', { ar: 'الإنارة العمومية', fr: 'Éclairage public', en: 'Street lighting' }),
  category('proprete', { ar: 'النظافة وجمع النفايات', fr: 'Propreté et collecte des déchets', en: 'Cleanliness and waste collection' }),
  category('espaces-verts', { ar: 'المساحات الخضراء', fr: 'Espaces verts', en: 'Green spaces' }),
  category('eau-assainissement', { ar: 'الماء والتطهير', fr: 'Eau et assainissement', en: 'Water and sanitation' }),
  category('services-administratifs', { ar: 'الخدمات الإدارية', fr: 'Services administratifs', en: 'Administrative services' }, true),
  category('autre', { ar: 'أخرى', fr: 'Autre', en: 'Other' }),
];

export const DEFAULT_REOPEN_WINDOW_DAYS = 30;

export function defaultComplaintSettings(commune: string): ComplaintSettings {
  return {
    commune,
    categories: DEFAULT_CATEGORIES,
    reopenWindowDays: DEFAULT_REOPEN_WINDOW_DAYS,
    reminderDaysBefore: { acknowledgment: 5, answer: 15 },
    duplicateRadiusMeters: 100,
    anonymousFiling: false,
    mediatorAnswerDays: DEFAULT_MEDIATOR_ANSWER_DAYS,
    version: 0,
  };
}

export function categoryOf(settings: ComplaintSettings, code: string): ComplaintCategory | undefined {
  return settings.categories.find((candidate) => candidate.code === code);
}
