// Text hygiene at the edge: the zod building blocks every name, identifier, reference and free-text field is
// made of. Each is normalized to NFC (so "é" typed as one or two code points is one value) and refuses the
// characters that make two values look alike or one value look like another: controls (Cc, NUL included),
// format characters (Cf: zero-width spaces and joiners, soft hyphen, bidi embeddings, overrides and isolates,
// byte-order mark), lone surrogates (Cs) and line/paragraph separators. Free text keeps line feeds and tabs.
import * as z from 'zod/mini';
import type { Localized } from '../i18n/language.ts';

/** Characters no name or identifier may hold. Every bidi control (U+061C, U+200E-F, U+202A-E, U+2066-9) is Cf. */
const FORBIDDEN_IN_NAMES = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** The same, but line feeds and tabs are allowed: they lay out a note or a letter. */
const FORBIDDEN_IN_FREE_TEXT = /(?![\n\t])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** Identifiers and references hold no whitespace other than the plain space. */
const FORBIDDEN_IN_IDENTIFIERS = /(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s]/u;

/** The stable code of the field issue a refused character gives (`errors[].code` of the 400 problem). */
export const FORBIDDEN_CHARACTER = 'forbidden_character';

/** `U+202E`: how a refused character is named in a message (it cannot be shown). */
function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first refused character of `value` and where it is (in code points), if any. */
function firstForbiddenCharacter(value: string, forbidden: RegExp): { character: string; position: number } | undefined {
  const characters = [...value];
  const position = characters.findIndex((character) => forbidden.test(character));
  return position === -1 ? undefined : { character: characters[position]!, position };
}

function forbiddenDetail(label: string, position: number): Localized {
  return {
    ar: `يحتوي النص على حرف غير مرئي أو حرف تحكم (${label}، الموضع ${position + 1}) غير مقبول؛ أعد كتابته دون نسخ ولصق`,
    fr: `Le texte contient un caractère invisible ou de contrôle (${label}, position ${position + 1}), refusé ; ressaisissez-le sans copier-coller`,
    en: `The text contains an invisible or control character (${label}, position ${position + 1}), which is refused; type it again without copy and paste`,
  };
}

function refusing(forbidden: RegExp) {
  return (context: z.core.ParsePayload<string>) => {
    const found = firstForbiddenCharacter(context.value, forbidden);
    if (!found) return;
    const detail = forbiddenDetail(codePointLabel(found.character), found.position);
    context.issues.push({ code: 'custom', message: detail.en, input: context.value, params: { code: FORBIDDEN_CHARACTER, detail } });
  };
}

// What the OpenAPI document says of each kind of text.
const NAME_RULE = 'Normalized to NFC; no control, invisible (zero-width, soft hyphen), bidi or line-separator character';
const IDENTIFIER_RULE = 'Normalized to NFC; no whitespace but the plain space, no control, invisible or bidi character';
const FREE_TEXT_RULE = 'Normalized to NFC; line feeds and tabs allowed, no other control, invisible or bidi character';

export interface TextBounds {
  /** At least this many characters once trimmed (default 1). */
  readonly min?: number;
  readonly max: number;
}

type StringChecks = (z.core.$ZodCheck<string> | z.core.CheckFn<string>)[];

/** The checks of a name, in order. */
export function nameChecks({ min = 1, max }: TextBounds): StringChecks {
  return [z.normalize('NFC'), z.trim(), z.minLength(min), z.maxLength(max), refusing(FORBIDDEN_IN_NAMES), z.describe(NAME_RULE)];
}

/** The checks of a reference or identifier, in order; `pattern` is checked after normalization. */
export function identifierChecks({ min = 1, max, pattern }: TextBounds & { readonly pattern?: { readonly regex: RegExp; readonly message: string } }): StringChecks {
  const checks: StringChecks = [z.normalize('NFC'), z.trim(), z.minLength(min), z.maxLength(max), refusing(FORBIDDEN_IN_IDENTIFIERS), z.describe(IDENTIFIER_RULE)];
  return pattern ? [...checks, z.regex(pattern.regex, pattern.message)] : checks;
}

/** The checks of free text, in order. */
export function freeTextChecks({ min = 1, max }: TextBounds): StringChecks {
  const lineFeeds = z.overwrite((text: string) => text.replace(/\r\n?/g, '\n'));
  return [z.normalize('NFC'), lineFeeds, z.trim(), z.minLength(min), z.maxLength(max), refusing(FORBIDDEN_IN_FREE_TEXT), z.describe(FREE_TEXT_RULE)];
}

/** A person's or a place's name: NFC, trimmed, no control, format or separator character. */
export function safeName(bounds: TextBounds) {
  return z.string().check(...nameChecks(bounds));
}

/**
 * A reference or identifier (a register's name, a folder, a code): NFC, trimmed, no whitespace but the plain
 * space and no control or format character, so two references that look the same are the same. Give `pattern`
 * to narrow it further (it is checked after normalization).
 */
export function safeIdentifier(options: TextBounds & { readonly pattern?: { readonly regex: RegExp; readonly message: string } }) {
  return z.string().check(...identifierChecks(options));
}

/**
 * Free text (a note, a reason, a comment): NFC, trimmed, line breaks as line feeds (CR LF and CR become LF), line
 * feeds and tabs kept, other controls and format characters refused.
 */
export function safeFreeText(bounds: TextBounds) {
  return z.string().check(...freeTextChecks(bounds));
}
