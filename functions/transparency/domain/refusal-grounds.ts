// The grounds on which a body may refuse or withhold information under Law 31-13, as its refusals and partial
// answers name them: the law's list, each ground stated with its reason and what it needs (the link to what is
// already published, the earlier request repeated), so a refusal never names a ground outside it.
import type { Localized } from '../../shared/i18n/language.ts';

export const REFUSAL_GROUNDS = [
  /** One of the exceptions of article 7 (national defence, State security, private life, personal data, ...). */
  'article-7-exception',
  /** The body does not hold the information. */
  'not-held',
  /** Already published: the refusal gives where (`link`). */
  'already-published',
  /** The same requester asked for the same information within the year: the refusal names that request. */
  'repeated-within-year',
  /** The request does not say clearly what is wanted. */
  'unclear',
  /** The information is still being prepared. */
  'being-prepared',
  /** The documents were deposited at the Archives du Maroc. */
  'deposited-at-archives',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** The grounds stated by their reason alone. */
export const GROUNDS_STATED_BY_REASON = ['article-7-exception', 'not-held', 'unclear', 'being-prepared', 'deposited-at-archives'] as const satisfies readonly RefusalGround[];

/** A ground as a refusal or a withheld part states it, with why it applies (a refusal is reasoned) and what the ground needs. */
export type GroundStatement =
  | { readonly ground: (typeof GROUNDS_STATED_BY_REASON)[number]; readonly reason: string }
  /** Where the information is published. */
  | { readonly ground: 'already-published'; readonly reason: string; readonly link: string }
  /** The earlier request of the same requester. */
  | { readonly ground: 'repeated-within-year'; readonly reason: string; readonly earlierRequestId: string };

export const GROUND_LABELS: Readonly<Record<RefusalGround, Localized>> = {
  'article-7-exception': { ar: 'استثناء من الاستثناءات الواردة في المادة 7', fr: "Exception de l'article 7", en: 'An exception of article 7' },
  'not-held': { ar: 'المعلومات غير متوفرة لدى الهيئة', fr: "L'information n'est pas détenue par l'organisme", en: 'The body does not hold the information' },
  'already-published': { ar: 'سبق نشر المعلومات', fr: "L'information est déjà publiée", en: 'The information is already published' },
  'repeated-within-year': { ar: 'طلب متكرر خلال السنة نفسها', fr: 'Demande répétée dans la même année', en: 'A repeated request within the year' },
  unclear: { ar: 'طلب غير واضح', fr: 'Demande imprécise', en: 'An unclear request' },
  'being-prepared': { ar: 'المعلومات في طور الإعداد', fr: "L'information est en cours d'élaboration", en: 'The information is being prepared' },
  'deposited-at-archives': { ar: 'الوثائق مودعة لدى أرشيف المغرب', fr: 'Documents versés aux Archives du Maroc', en: 'The documents were deposited at the Archives du Maroc' },
};
