// Turns zod issues into problem+json field errors. The detail is written in the caller's language from the
// issue's own fields (bounds, expected type, format, allowed values), never from zod's English message.
import * as z from 'zod/mini';
import type { FieldIssue } from '../errors/domain-errors.ts';
import type { Language, Localized } from '../i18n/language.ts';

type Issue = z.core.$ZodIssue;

/**
 * zod keeps no trace of the input on the issues it returns, so a missing value and a value of the wrong type
 * would look alike; the global error map, which still sees the input, marks the missing ones.
 */
const MISSING_VALUE_MESSAGE = 'Required: no value given';
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? MISSING_VALUE_MESSAGE : undefined) });

function isMissing(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.message === MISSING_VALUE_MESSAGE;
}

const REQUIRED: Localized = { ar: 'هذا الحقل مطلوب', fr: 'Ce champ est obligatoire', en: 'This field is required' };
const UNKNOWN_FIELD: Localized = {
  ar: 'حقل غير معروف: لا يقبله هذا الطلب',
  fr: 'Champ inconnu : cette requête ne l’accepte pas',
  en: 'Unknown field: this request does not accept it',
};
const NOT_ACCEPTED: Localized = { ar: 'القيمة غير مقبولة', fr: 'Valeur non acceptée', en: 'Value not accepted' };

/** What an `invalid_type` issue expected, as a noun phrase in each language. */
const TYPE_NAMES: Readonly<Record<string, Localized>> = {
  string: { ar: 'نصا', fr: 'un texte', en: 'a string' },
  number: { ar: 'عددا', fr: 'un nombre', en: 'a number' },
  int: { ar: 'عددا صحيحا', fr: 'un nombre entier', en: 'an integer' },
  bigint: { ar: 'عددا صحيحا', fr: 'un nombre entier', en: 'an integer' },
  boolean: { ar: 'قيمة منطقية (true أو false)', fr: 'un booléen (true ou false)', en: 'a boolean (true or false)' },
  object: { ar: 'كائن JSON', fr: 'un objet JSON', en: 'a JSON object' },
  array: { ar: 'قائمة', fr: 'une liste', en: 'a list' },
  date: { ar: 'تاريخا', fr: 'une date', en: 'a date' },
  null: { ar: 'null', fr: 'null', en: 'null' },
};

/** What an `invalid_format` issue expected (zod's string formats), as a noun phrase in each language. */
const FORMAT_NAMES: Readonly<Record<string, Localized>> = {
  uuid: { ar: 'معرفا من نوع UUID', fr: 'un identifiant UUID', en: 'a UUID' },
  date: { ar: 'تاريخا بصيغة YYYY-MM-DD', fr: 'une date au format AAAA-MM-JJ', en: 'a date as YYYY-MM-DD' },
  datetime: {
    ar: 'تاريخا وتوقيتا بصيغة ISO 8601 (مثلا 2026-03-20T10:00:00Z)',
    fr: 'une date et une heure ISO 8601 (par exemple 2026-03-20T10:00:00Z)',
    en: 'an ISO 8601 date and time (e.g. 2026-03-20T10:00:00Z)',
  },
  time: { ar: 'توقيتا بصيغة HH:MM:SS', fr: 'une heure au format HH:MM:SS', en: 'a time as HH:MM:SS' },
  duration: { ar: 'مدة بصيغة ISO 8601 (مثلا P16D)', fr: 'une durée ISO 8601 (par exemple P16D)', en: 'an ISO 8601 duration (e.g. P16D)' },
  email: { ar: 'عنوان بريد إلكتروني', fr: 'une adresse électronique', en: 'an email address' },
  url: { ar: 'عنوان URL', fr: 'une URL', en: 'a URL' },
  base64: { ar: 'نصا بترميز base64', fr: 'un texte encodé en base64', en: 'base64 text' },
  base64url: { ar: 'نصا بترميز base64url', fr: 'un texte encodé en base64url', en: 'base64url text' },
  jwt: { ar: 'رمز JWT', fr: 'un jeton JWT', en: 'a JWT' },
  ipv4: { ar: 'عنوان IPv4', fr: 'une adresse IPv4', en: 'an IPv4 address' },
  ipv6: { ar: 'عنوان IPv6', fr: 'une adresse IPv6', en: 'an IPv6 address' },
  lowercase: { ar: 'نصا بحروف لاتينية صغيرة', fr: 'un texte en minuscules', en: 'lower-case text' },
  uppercase: { ar: 'نصا بحروف لاتينية كبيرة', fr: 'un texte en majuscules', en: 'upper-case text' },
};

type Measured = 'characters' | 'items' | 'value';

function measuredOf(origin: string): Measured {
  if (origin === 'string') return 'characters';
  if (origin === 'array' || origin === 'set') return 'items';
  return 'value';
}

function countNoun(measured: 'characters' | 'items', count: number, language: 'fr' | 'en'): string {
  const singular = language === 'fr' ? count <= 1 : count === 1;
  if (language === 'fr') return measured === 'characters' ? (singular ? 'caractère' : 'caractères') : singular ? 'élément' : 'éléments';
  return measured === 'characters' ? (singular ? 'character' : 'characters') : singular ? 'item' : 'items';
}

function shown(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `too_small` and `too_big`: the bound, for strings in characters, for lists in items, for numbers as a comparison. */
function boundDetail(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): Localized {
  const upper = issue.code === 'too_big';
  const bound = upper ? (issue as { maximum: number | bigint | Date }).maximum : (issue as { minimum: number | bigint | Date }).minimum;
  const measured = measuredOf(issue.origin);
  if (measured !== 'value') {
    const n = Number(bound);
    const arNoun = measured === 'characters' ? 'عدد الأحرف' : 'عدد العناصر';
    const fr = countNoun(measured, n, 'fr');
    const en = countNoun(measured, n, 'en');
    if (issue.exact) return { ar: `يجب أن يكون ${arNoun} ${n} بالضبط`, fr: `Exactement ${n} ${fr} attendus`, en: `Exactly ${n} ${en} expected` };
    return upper
      ? { ar: `طويل جدا: يجب ألا يتجاوز ${arNoun} ${n}`, fr: `Trop long : ${n} ${fr} au plus`, en: `Too long: at most ${n} ${en}` }
      : { ar: `قصير جدا: يجب ألا يقل ${arNoun} عن ${n}`, fr: `Trop court : ${n} ${fr} au moins`, en: `Too short: at least ${n} ${en}` };
  }
  const value = shown(bound);
  if (upper) {
    return issue.inclusive
      ? { ar: `القيمة كبيرة جدا: يجب ألا تتجاوز ${value}`, fr: `Valeur trop grande : elle doit être inférieure ou égale à ${value}`, en: `Too large: at most ${value}` }
      : { ar: `القيمة كبيرة جدا: يجب أن تكون أصغر من ${value}`, fr: `Valeur trop grande : elle doit être strictement inférieure à ${value}`, en: `Too large: less than ${value}` };
  }
  return issue.inclusive
    ? { ar: `القيمة صغيرة جدا: يجب ألا تقل عن ${value}`, fr: `Valeur trop petite : elle doit être supérieure ou égale à ${value}`, en: `Too small: at least ${value}` }
    : { ar: `القيمة صغيرة جدا: يجب أن تكون أكبر من ${value}`, fr: `Valeur trop petite : elle doit être strictement supérieure à ${value}`, en: `Too small: greater than ${value}` };
}

function formatDetail(issue: Extract<Issue, { code: 'invalid_format' }>): Localized {
  const lead = { ar: 'صيغة غير صحيحة', fr: 'Format incorrect', en: 'Wrong format' };
  const fields = issue as { prefix?: string; suffix?: string; includes?: string };
  if (issue.format === 'regex' && issue.pattern) {
    return {
      ar: `${lead.ar}: يجب أن تطابق القيمة النمط ${issue.pattern}`,
      fr: `${lead.fr} : la valeur doit correspondre au motif ${issue.pattern}`,
      en: `${lead.en}: the value must match the pattern ${issue.pattern}`,
    };
  }
  if (issue.format === 'starts_with' && fields.prefix !== undefined) {
    const prefix = JSON.stringify(fields.prefix);
    return { ar: `${lead.ar}: يجب أن تبدأ القيمة بـ ${prefix}`, fr: `${lead.fr} : la valeur doit commencer par ${prefix}`, en: `${lead.en}: the value must start with ${prefix}` };
  }
  if (issue.format === 'ends_with' && fields.suffix !== undefined) {
    const suffix = JSON.stringify(fields.suffix);
    return { ar: `${lead.ar}: يجب أن تنتهي القيمة بـ ${suffix}`, fr: `${lead.fr} : la valeur doit se terminer par ${suffix}`, en: `${lead.en}: the value must end with ${suffix}` };
  }
  if (issue.format === 'includes' && fields.includes !== undefined) {
    const part = JSON.stringify(fields.includes);
    return { ar: `${lead.ar}: يجب أن تتضمن القيمة ${part}`, fr: `${lead.fr} : la valeur doit contenir ${part}`, en: `${lead.en}: the value must contain ${part}` };
  }
  const name = FORMAT_NAMES[issue.format] ?? { ar: issue.format, fr: issue.format, en: issue.format };
  return { ar: `${lead.ar}: يجب أن تكون القيمة ${name.ar}`, fr: `${lead.fr} : la valeur doit être ${name.fr}`, en: `${lead.en}: expected ${name.en}` };
}

function allowedValuesDetail(values: readonly unknown[]): Localized {
  const list = (separator: string) => values.map(shown).join(separator);
  if (values.length === 1) {
    return { ar: `القيمة غير مقبولة: القيمة المنتظرة هي ${list('')}`, fr: `Valeur non acceptée : la valeur attendue est ${list('')}`, en: `Value not accepted: expected ${list('')}` };
  }
  return {
    ar: `القيمة غير مقبولة: القيم المسموح بها هي ${list('، ')}`,
    fr: `Valeur non acceptée : les valeurs permises sont ${list(', ')}`,
    en: `Value not accepted: allowed values are ${list(', ')}`,
  };
}

function typeDetail(expected: string): Localized {
  const name = TYPE_NAMES[expected] ?? { ar: expected, fr: expected, en: expected };
  return { ar: `نوع القيمة غير صحيح: يجب أن تكون ${name.ar}`, fr: `Type de valeur incorrect : la valeur doit être ${name.fr}`, en: `Wrong type of value: expected ${name.en}` };
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && ['ar', 'fr', 'en'].every((language) => typeof (value as Record<string, unknown>)[language] === 'string');
}

/** The localized detail of one issue; `required` is an `invalid_type` issue whose value is missing. */
function detailOf(issue: Issue): Localized {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? REQUIRED : typeDetail(issue.expected);
    case 'too_small':
    case 'too_big':
      return boundDetail(issue);
    case 'invalid_format':
      return formatDetail(issue);
    case 'invalid_value':
      return allowedValuesDetail(issue.values);
    case 'not_multiple_of': {
      const divisor = shown(issue.divisor);
      return { ar: `يجب أن تكون القيمة من مضاعفات ${divisor}`, fr: `La valeur doit être un multiple de ${divisor}`, en: `The value must be a multiple of ${divisor}` };
    }
    case 'invalid_union': {
      const discriminated = issue as { discriminator?: string; options?: readonly unknown[] };
      if (discriminated.options?.length) return allowedValuesDetail(discriminated.options);
      return { ar: 'القيمة لا تطابق أيا من الأشكال المقبولة', fr: 'La valeur ne correspond à aucune des formes acceptées', en: 'The value matches none of the accepted forms' };
    }
    case 'invalid_key':
      return { ar: 'مفتاح غير صالح', fr: 'Clé invalide', en: 'Invalid key' };
    case 'invalid_element':
      return { ar: 'عنصر غير صالح', fr: 'Élément invalide', en: 'Invalid element' };
    case 'custom':
      // A refinement states its rule in the three languages with `params: { detail: { ar, fr, en } }`.
      return isLocalized(issue.params?.detail) ? issue.params.detail : NOT_ACCEPTED;
    default:
      return NOT_ACCEPTED;
  }
}

function pointerOf(location: string, path: readonly PropertyKey[]): string {
  const escaped = path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1'));
  return ['', location, ...escaped].join('/');
}

export function fieldIssues(location: 'body' | 'query' | 'params' | 'headers', error: z.core.$ZodError, language: Language): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ pointer: pointerOf(location, [...issue.path, key]), code: 'unrecognized_keys', detail: UNKNOWN_FIELD[language] }));
    }
    // A custom check (shared/text) may name its own stable code; its detail comes from `params.detail` (detailOf).
    const code = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : isMissing(issue) ? 'required' : issue.code;
    return [{ pointer: pointerOf(location, issue.path), code, detail: detailOf(issue)[language] }];
  });
}
