// Problem types (an error code with its HTTP status and its title in Arabic, French and English) and the RFC 9457
// problem document. Each service declares its own codes in its folder (`functions/<context>/<context>.problems.ts`,
// attached to its description); the platform-wide ones, which the HTTP chain and the gateways answer, are here.
// A problem type exists only as a declaration: a DomainError names one, so a code nobody declared fails `tsc`
// instead of becoming a 500 at run time.
import type { Language, Localized } from '../i18n/language.ts';
import type { FieldIssue } from './domain-errors.ts';

declare const declaredBrand: unique symbol;

export interface ProblemType<Code extends string = string> {
  readonly code: Code;
  readonly status: number;
  readonly title: Localized;
  /** Only `declareProblems` makes one: an object literal written elsewhere does not compile as a problem type. */
  readonly [declaredBrand]: true;
}

/** The problem types one service declares, by code. */
export type ProblemTypes<Code extends string = string> = { readonly [C in Code]: ProblemType<C> };

interface ProblemDeclaration {
  /** 4xx or 5xx. */
  readonly status: number;
  readonly title: Localized;
}

export function declareProblems<const Declarations extends Readonly<Record<string, ProblemDeclaration>>>(
  declarations: Declarations,
): ProblemTypes<Extract<keyof Declarations, string>> {
  const types = Object.entries(declarations).map(([code, { status, title }]) => {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`problem ${code}: status ${status} is not an error status`);
    return [code, { code, status, title }] as const;
  });
  return Object.fromEntries(types) as unknown as ProblemTypes<Extract<keyof Declarations, string>>;
}

/** Codes of the platform: the HTTP chain's own answers, the gateways' and those that every context raises. */
export const PLATFORM_PROBLEMS = declareProblems({
  'validation-failed': {
    status: 400,
    title: { ar: 'الطلب يحتوي على معطيات غير صالحة', fr: 'La requête contient des données invalides', en: 'The request contains invalid data' },
  },
  'malformed-json': {
    status: 400,
    title: { ar: 'نص الطلب ليس JSON صالحا', fr: "Le corps de la requête n'est pas un JSON valide", en: 'The request body is not valid JSON' },
  },
  'authentication-required': {
    status: 401,
    title: { ar: 'يلزم تسجيل الدخول', fr: 'Authentification requise', en: 'Authentication required' },
  },
  'token-expired': { status: 401, title: { ar: 'انتهت صلاحية رمز الدخول، يرجى تسجيل الدخول من جديد', fr: 'Le jeton a expiré, reconnectez-vous', en: 'The token has expired, sign in again' } },
  forbidden: {
    status: 403,
    title: { ar: 'غير مسموح لك بهذه العملية', fr: "Vous n'êtes pas autorisé à effectuer cette opération", en: 'You are not allowed to do this' },
  },
  'not-found': {
    status: 404,
    title: { ar: 'المورد المطلوب غير موجود', fr: "La ressource demandée n'existe pas", en: 'The requested resource does not exist' },
  },
  'route-not-found': {
    status: 404,
    title: { ar: 'هذا المسار غير موجود', fr: "Cette route n'existe pas", en: 'This route does not exist' },
  },
  'method-not-allowed': {
    status: 405,
    title: { ar: 'الطريقة غير مسموح بها على هذا المسار', fr: 'Méthode non autorisée sur cette route', en: 'Method not allowed on this route' },
  },
  conflict: {
    status: 409,
    title: { ar: 'العملية تتعارض مع الحالة الحالية', fr: "L'opération est en conflit avec l'état actuel", en: 'The operation conflicts with the current state' },
  },
  'invalid-state': {
    status: 409,
    title: { ar: 'الملف في حالة لا تسمح بهذه العملية', fr: "Le dossier n'est pas dans un état qui permet cette opération", en: 'The file is not in a state that allows this operation' },
  },
  'request-in-progress': {
    status: 409,
    title: { ar: 'طلب بنفس مفتاح عدم التكرار قيد المعالجة', fr: 'Une requête avec la même clé d’idempotence est en cours', en: 'A request with the same idempotency key is in progress' },
  },
  'too-many-requests': {
    status: 429,
    title: { ar: 'عدد الطلبات كبير جدا، يرجى المحاولة بعد قليل', fr: 'Trop de requêtes, réessayez dans un instant', en: 'Too many requests, try again in a moment' },
  },
  'payload-too-large': {
    status: 413,
    title: { ar: 'نص الطلب كبير جدا', fr: 'Le corps de la requête est trop volumineux', en: 'The request body is too large' },
  },
  'headers-too-large': { status: 431, title: { ar: 'ترويسات الطلب كبيرة جدا', fr: 'Les en-têtes de la requête sont trop volumineux', en: 'The request headers are too large' } },
  'unsupported-media-type': {
    status: 415,
    title: { ar: 'نوع المحتوى غير مدعوم', fr: 'Type de contenu non pris en charge', en: 'Unsupported content type' },
  },
  'idempotency-key-reused': {
    status: 422,
    title: { ar: 'مفتاح عدم التكرار مستعمل لطلب مختلف', fr: "La clé d'idempotence a déjà servi pour une autre requête", en: 'The idempotency key was already used for a different request' },
  },
  'checksum-mismatch': {
    status: 422,
    title: { ar: 'بصمة الملف المرفوع لا تطابق البصمة المصرح بها', fr: "L'empreinte du fichier reçu ne correspond pas à celle déclarée", en: 'The uploaded file does not match the declared checksum' },
  },
  'file-not-scanned-yet': {
    status: 409,
    title: {
      ar: 'لم يُفحص الملف بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة لاحقا',
      fr: "Le fichier n'a pas encore été analysé par l'antivirus ; réessayez plus tard",
      en: 'The file has not been scanned for malware yet; try again later',
    },
  },
  'file-quarantined': {
    status: 422,
    title: {
      ar: 'لم يجتز الملف فحص البرمجيات الخبيثة ولا يُقدَّم لأحد',
      fr: "Le fichier n'a pas passé l'analyse antivirus et n'est servi à personne",
      en: 'The file did not pass the malware scan and is served to no one',
    },
  },
  'internal-error': {
    status: 500,
    title: { ar: 'خطأ داخلي، يرجى المحاولة لاحقا', fr: 'Erreur interne, veuillez réessayer plus tard', en: 'Internal error, please try again later' },
  },
});

/** A code any module may name as such: a platform-wide one. A service's own codes travel as their problem type. */
export type ProblemCode = keyof typeof PLATFORM_PROBLEMS;

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly FieldIssue[];
}

export function problemDocument(
  problem: ProblemType | ProblemCode,
  language: Language,
  extra: { detail?: string; instance?: string; errors?: readonly FieldIssue[] } = {},
): ProblemDocument {
  const type: ProblemType = typeof problem === 'string' ? PLATFORM_PROBLEMS[problem] : problem;
  return {
    type: `urn:raqmana:problem:${type.code}`,
    title: type.title[language],
    status: type.status,
    code: type.code,
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(extra.errors === undefined || extra.errors.length === 0 ? {} : { errors: extra.errors }),
  };
}
