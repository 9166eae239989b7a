import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues } from '../../../functions/shared/http/field-issues.ts';
import type { Language } from '../../../functions/shared/i18n/language.ts';

function issuesOf(schema: z.ZodType, value: unknown, language: Language) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the value was expected to fail');
  return fieldIssues('body', result.error, language);
}

function detailsOf(schema: z.ZodType, value: unknown) {
  return Object.fromEntries((['ar', 'fr', 'en'] as const).map((language) => [language, issuesOf(schema, value, language).map((issue) => issue.detail)]));
}

describe('field issues', () => {
  it('names a missing field required, apart from a value of the wrong type', () => {
    const schema = z.strictObject({ title: z.string(), urgent: z.boolean() });

    const issues = issuesOf(schema, { urgent: 'yes' }, 'en');

    expect(issues).toEqual([
      { pointer: '/body/title', code: 'required', detail: 'This field is required' },
      { pointer: '/body/urgent', code: 'invalid_type', detail: 'Wrong type of value: expected a boolean (true or false)' },
    ]);
    expect(detailsOf(schema, { urgent: 'yes' })).toMatchObject({
      ar: ['هذا الحقل مطلوب', 'نوع القيمة غير صحيح: يجب أن تكون قيمة منطقية (true أو false)'],
      fr: ['Ce champ est obligatoire', 'Type de valeur incorrect : la valeur doit être un booléen (true ou false)'],
    });
  });

  it('gives the longest length a text may have', () => {
    expect(detailsOf(z.string().max(64), 'x'.repeat(65))).toEqual({
      ar: ['طويل جدا: يجب ألا يتجاوز عدد الأحرف 64'],
      fr: ['Trop long : 64 caractères au plus'],
      en: ['Too long: at most 64 characters'],
    });
  });

  it('gives the shortest length, in the singular for one character', () => {
    expect(detailsOf(z.string().min(1), '')).toEqual({
      ar: ['قصير جدا: يجب ألا يقل عدد الأحرف عن 1'],
      fr: ['Trop court : 1 caractère au moins'],
      en: ['Too short: at least 1 character'],
    });
  });

  it('counts the items of a list, and says when their number is exact', () => {
    expect(detailsOf(z.array(z.string()).length(2), ['a'])).toEqual({
      ar: ['يجب أن يكون عدد العناصر 2 بالضبط'],
      fr: ['Exactement 2 éléments attendus'],
      en: ['Exactly 2 items expected'],
    });
    expect(issuesOf(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'], 'en')[0]!.detail).toBe('Too long: at most 3 items');
  });

  it('compares numbers with their bound, inclusive or not', () => {
    expect(detailsOf(z.number().max(100), 101)).toEqual({
      ar: ['القيمة كبيرة جدا: يجب ألا تتجاوز 100'],
      fr: ['Valeur trop grande : elle doit être inférieure ou égale à 100'],
      en: ['Too large: at most 100'],
    });
    expect(detailsOf(z.number().gt(0), 0)).toEqual({
      ar: ['القيمة صغيرة جدا: يجب أن تكون أكبر من 0'],
      fr: ['Valeur trop petite : elle doit être strictement supérieure à 0'],
      en: ['Too small: greater than 0'],
    });
    expect(issuesOf(z.number().lt(10), 10, 'en')[0]!.detail).toBe('Too large: less than 10');
    expect(issuesOf(z.number().min(1), 0, 'fr')[0]!.detail).toBe('Valeur trop petite : elle doit être supérieure ou égale à 1');
  });

  it('names the expected integer type', () => {
    expect(detailsOf(z.int(), 1.5)).toEqual({
      ar: ['نوع القيمة غير صحيح: يجب أن تكون عددا صحيحا'],
      fr: ['Type de valeur incorrect : la valeur doit être un nombre entier'],
      en: ['Wrong type of value: expected an integer'],
    });
  });

  it('names the expected format of a date, a UUID and an email address', () => {
    expect(detailsOf(z.iso.date(), '2026-13-01')).toEqual({
      ar: ['صيغة غير صحيحة: يجب أن تكون القيمة تاريخا بصيغة YYYY-MM-DD'],
      fr: ['Format incorrect : la valeur doit être une date au format AAAA-MM-JJ'],
      en: ['Wrong format: expected a date as YYYY-MM-DD'],
    });
    expect(issuesOf(z.uuid(), 'nope', 'en')[0]!.detail).toBe('Wrong format: expected a UUID');
    expect(issuesOf(z.email(), 'nope', 'fr')[0]!.detail).toBe('Format incorrect : la valeur doit être une adresse électronique');
  });

  it('shows the pattern a value must match rather than the English message of the schema', () => {
    expect(detailsOf(z.string().regex(/^\d{10}$/, 'ten digits'), '12')).toEqual({
      ar: ['صيغة غير صحيحة: يجب أن تطابق القيمة النمط /^\\d{10}$/'],
      fr: ['Format incorrect : la valeur doit correspondre au motif /^\\d{10}$/'],
      en: ['Wrong format: the value must match the pattern /^\\d{10}$/'],
    });
  });

  it('gives the prefix a value must start with', () => {
    expect(detailsOf(z.string().startsWith('DOC-'), 'X')).toEqual({
      ar: ['صيغة غير صحيحة: يجب أن تبدأ القيمة بـ "DOC-"'],
      fr: ['Format incorrect : la valeur doit commencer par "DOC-"'],
      en: ['Wrong format: the value must start with "DOC-"'],
    });
  });

  it('lists the allowed values of an enumeration, and the one value of a literal', () => {
    expect(detailsOf(z.enum(['digital', 'counter']), 'post')).toEqual({
      ar: ['القيمة غير مقبولة: القيم المسموح بها هي "digital"، "counter"'],
      fr: ['Valeur non acceptée : les valeurs permises sont "digital", "counter"'],
      en: ['Value not accepted: allowed values are "digital", "counter"'],
    });
    expect(detailsOf(z.literal('self'), 'other')).toEqual({
      ar: ['القيمة غير مقبولة: القيمة المنتظرة هي "self"'],
      fr: ['Valeur non acceptée : la valeur attendue est "self"'],
      en: ['Value not accepted: expected "self"'],
    });
  });

  it('lists the kinds a discriminated union accepts', () => {
    const schema = z.discriminatedUnion('type', [z.object({ type: z.literal('birth') }), z.object({ type: z.literal('death') })]);

    expect(issuesOf(schema, { type: 'marriage' }, 'en')).toEqual([
      { pointer: '/body/type', code: 'invalid_union', detail: 'Value not accepted: allowed values are "birth", "death"' },
    ]);
    expect(detailsOf(schema, { type: 'marriage' }).ar).toEqual(['القيمة غير مقبولة: القيم المسموح بها هي "birth"، "death"']);
  });

  it('says a value matches none of the forms of a plain union', () => {
    expect(detailsOf(z.union([z.string(), z.number()]), true)).toEqual({
      ar: ['القيمة لا تطابق أيا من الأشكال المقبولة'],
      fr: ['La valeur ne correspond à aucune des formes acceptées'],
      en: ['The value matches none of the accepted forms'],
    });
  });

  it('gives the divisor of a multiple', () => {
    expect(detailsOf(z.number().multipleOf(5), 7)).toEqual({
      ar: ['يجب أن تكون القيمة من مضاعفات 5'],
      fr: ['La valeur doit être un multiple de 5'],
      en: ['The value must be a multiple of 5'],
    });
  });

  it('names every unknown field by its pointer', () => {
    expect(issuesOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, 'c/d': 2 }, 'fr')).toEqual([
      { pointer: '/body/b', code: 'unrecognized_keys', detail: 'Champ inconnu : cette requête ne l’accepte pas' },
      { pointer: '/body/c~1d', code: 'unrecognized_keys', detail: 'Champ inconnu : cette requête ne l’accepte pas' },
    ]);
    expect(issuesOf(z.strictObject({}), { b: 1 }, 'ar')[0]!.detail).toBe('حقل غير معروف: لا يقبله هذا الطلب');
  });

  it('flags an invalid key of a record', () => {
    expect(detailsOf(z.record(z.string().regex(/^[a-z]+$/), z.number()), { AB: 1 })).toEqual({ ar: ['مفتاح غير صالح'], fr: ['Clé invalide'], en: ['Invalid key'] });
  });

  it('uses the localized detail a refinement gives, and never its English message otherwise', () => {
    const localized = { ar: 'أعط الاسم بالعربية أو بالحروف اللاتينية', fr: 'Donnez le nom en arabe ou en caractères latins', en: 'Give the name in Arabic or Latin script' };
    const stated = z.string().refine(() => false, { message: 'English only', params: { detail: localized } });
    const unstated = z.string().refine(() => false, { message: 'English only' });

    expect(detailsOf(stated, 'x')).toEqual({ ar: [localized.ar], fr: [localized.fr], en: [localized.en] });
    expect(detailsOf(unstated, 'x')).toEqual({ ar: ['القيمة غير مقبولة'], fr: ['Valeur non acceptée'], en: ['Value not accepted'] });
  });
});
