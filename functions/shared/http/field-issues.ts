// Turns zod issues into problem+json field errors, with the detail in the caller's language.
import type { z } from 'zod';
import type { FieldIssue } from '../errors/domain-errors.ts';
import type { Language, Localized } from '../i18n/language.ts';

const DETAILS: Readonly<Record<string, Localized>> = {
  required: { ar: 'هذا الحقل مطلوب', fr: 'Ce champ est obligatoire', en: 'This field is required' },
  invalid_type: { ar: 'نوع القيمة غير صحيح', fr: 'Type de valeur incorrect', en: 'Wrong type of value' },
  unrecognized_keys: { ar: 'حقل غير معروف', fr: 'Champ inconnu', en: 'Unknown field' },
  too_small: { ar: 'القيمة صغيرة أو قصيرة جدا', fr: 'Valeur trop petite ou trop courte', en: 'Value too small or too short' },
  too_big: { ar: 'القيمة كبيرة أو طويلة جدا', fr: 'Valeur trop grande ou trop longue', en: 'Value too large or too long' },
  invalid_format: { ar: 'صيغة القيمة غير صحيحة', fr: 'Format de valeur incorrect', en: 'Wrong format' },
  invalid_value: { ar: 'القيمة غير مقبولة', fr: 'Valeur non acceptée', en: 'Value not accepted' },
};

function pointerOf(location: string, path: readonly PropertyKey[]): string {
  const escaped = path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1'));
  return ['', location, ...escaped].join('/');
}

export function fieldIssues(location: 'body' | 'query' | 'params' | 'headers', error: z.ZodError, language: Language): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: pointerOf(location, [...issue.path, key]),
        code: 'unrecognized_keys',
        detail: DETAILS.unrecognized_keys![language],
      }));
    }
    // A custom check (shared/text) names its own stable code and gives its detail in the three languages.
    if (issue.code === 'custom' && typeof issue.params?.code === 'string' && issue.params.detail) {
      return [{ pointer: pointerOf(location, issue.path), code: issue.params.code, detail: (issue.params.detail as Localized)[language] }];
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const code = missing ? 'required' : issue.code;
    const localized = DETAILS[code];
    return [
      {
        pointer: pointerOf(location, issue.path),
        code,
        // zod's own message is more precise (bounds, expected format); the localized one is used where we have it.
        detail: localized ? `${localized[language]} (${issue.message})` : issue.message,
      },
    ];
  });
}
