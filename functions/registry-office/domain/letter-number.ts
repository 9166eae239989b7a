// Registry numbers: one gapless sequence per collectivity, register and year, written through a format that is
// data of the collectivity (its registry settings). The default writes `2027/A/000123`: the year, the register's
// letter (A arrivée, D départ, I interne, as French-speaking registry offices mark them) and the sequence.
import type { FieldIssue } from '../../shared/errors/domain-errors.ts';

export const REGISTERS = ['incoming', 'outgoing', 'internal'] as const;
export type Register = (typeof REGISTERS)[number];

export interface NumberFormat {
  /** The number's shape: `{year}`, `{register}` and `{sequence}` once each, between literal letters and `/ - . _`. */
  readonly template: string;
  /** The sequence is padded with zeros to at least this many digits (never cut: number 1 000 000 keeps its 7). */
  readonly sequenceDigits: number;
  /** What `{register}` writes for each register: capital letters, none the beginning of another. */
  readonly registerCodes: Readonly<Record<Register, string>>;
}

export const DEFAULT_NUMBER_FORMAT: NumberFormat = {
  template: '{year}/{register}/{sequence}',
  sequenceDigits: 6,
  registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' },
};

const TOKENS = ['{year}', '{register}', '{sequence}'] as const;
/** Literals hold no digit and no capital letter next to a token could blur: only these characters. */
const LITERAL = /^[a-z/._-]*$/;
export const REGISTER_CODE = /^[A-Z]{1,3}$/;
export const MAX_SEQUENCE_DIGITS = 10;

export interface NumberedPlace {
  readonly register: Register;
  readonly year: number;
  /** 1 for the first letter of the register's year. */
  readonly sequence: number;
}

export function formatLetterNumber(format: NumberFormat, place: NumberedPlace): string {
  const values: Record<(typeof TOKENS)[number], string> = {
    '{year}': String(place.year).padStart(4, '0'),
    '{register}': format.registerCodes[place.register],
    '{sequence}': String(place.sequence).padStart(format.sequenceDigits, '0'),
  };
  return format.template.replace(/\{year\}|\{register\}|\{sequence\}/g, (token) => values[token as keyof typeof values]);
}

/**
 * What makes a format unfit, as field issues under `pointer`: two letters of one commune must never get the same
 * number, so each token appears once, literals cannot be mistaken for a year, a sequence or a register code (no
 * digits, no capitals), and no register code begins another.
 */
export function numberFormatIssues(format: NumberFormat, pointer: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const token of TOKENS) {
    if (format.template.split(token).length !== 2) {
      issues.push({
        pointer: `${pointer}/template`,
        code: 'token_count',
        detail: { ar: `يجب أن يرد ${token} مرة واحدة بالضبط`, fr: `${token} doit figurer exactement une fois`, en: `${token} must appear exactly once` },
      });
    }
  }
  const literals = format.template.split(/\{year\}|\{register\}|\{sequence\}/);
  if (!literals.every((literal) => LITERAL.test(literal))) {
    issues.push({
      pointer: `${pointer}/template`,
      code: 'invalid_literal',
      detail: {
        ar: 'خارج الرموز لا يُقبل إلا الحروف اللاتينية الصغيرة و / - . _',
        fr: 'Hors des jetons, seuls les lettres minuscules et / - . _ sont admis',
        en: 'Outside the tokens only lower-case letters and / - . _ are allowed',
      },
    });
  }
  const codes = REGISTERS.map((register) => format.registerCodes[register]);
  if (codes.some((code, index) => codes.some((other, otherIndex) => otherIndex !== index && other.startsWith(code)))) {
    issues.push({
      pointer: `${pointer}/registerCodes`,
      code: 'ambiguous_codes',
      detail: {
        ar: 'يجب أن تختلف رموز السجلات ولا يبدأ أحدها بآخر',
        fr: "Les codes des registres doivent différer et aucun ne doit commencer par un autre",
        en: 'Register codes must differ and none may begin another',
      },
    });
  }
  return issues;
}
