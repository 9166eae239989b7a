// Implausible dates are refused with a 400 that says which date and why (issue 10, item F).
import { describe, expect, it } from 'vitest';
import { registerAct, type RegisterActCommand } from '../../../functions/civil-status/domain/civil-act.ts';
import { recordNote } from '../../../functions/civil-status/domain/marginal-note.ts';
import { registerActRoute } from '../../../functions/civil-status/schemas/civil-status.schema.ts';
import { birthAct } from '../../fixtures/civil-status/acts.ts';

const now = new Date('2026-12-01T10:00:00Z');
const registrar = { sub: 'registrar-1', office: 'RBT-HASSAN' };

function command(changes: { birthDate?: string; year?: number; type?: 'birth' | 'death'; deathDate?: string }): RegisterActCommand {
  return {
    id: 'act-1',
    type: changes.type ?? 'birth',
    legacy: { office: 'RBT-HASSAN', year: changes.year ?? 1990, register: 'R1', number: 1 },
    person: { givenName: { latin: 'Salma' }, familyName: { latin: 'Alaoui' }, sex: 'F', birthDate: changes.birthDate ?? '1990-05-06', birthPlace: { latin: 'Rabat' } },
    ...(changes.deathDate && { deathDate: changes.deathDate }),
    registrar,
  };
}

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error as { code: string; fieldIssues: { pointer: string; code: string }[]; detailIn(language: string): string };
  }
  throw new Error('not refused');
}

describe('plausible act dates', () => {
  it('refuses a birth on 9999-12-31: after today, and after its register', () => {
    const error = refusal(() => registerAct(command({ birthDate: '9999-12-31', year: 2026 }), '1234567890', now));
    expect(error.code).toBe('validation-failed');
    expect(error.fieldIssues).toContainEqual(expect.objectContaining({ pointer: '/body/person/birthDate', code: 'in_the_future' }));
    expect(error.detailIn('fr')).toContain("postérieure à aujourd'hui");
  });

  it('refuses a birth on 0001-01-01: more than 125 years before its register', () => {
    const error = refusal(() => registerAct(command({ birthDate: '0001-01-01' }), '1234567890', now));
    expect(error.fieldIssues).toEqual([expect.objectContaining({ pointer: '/body/person/birthDate', code: 'implausibly_old' })]);
  });

  it('refuses a death before the birth', () => {
    const error = refusal(() => registerAct(command({ type: 'death', birthDate: '1990-05-06', deathDate: '1980-01-01' }), undefined, now));
    expect(error.fieldIssues).toContainEqual(expect.objectContaining({ pointer: '/body/deathDate', code: 'before_birth' }));
    expect(error.detailIn('ar')).toContain('تاريخ الوفاة سابق لتاريخ الولادة');
  });

  it('refuses a register year before the birth it records, and a death after its register year', () => {
    expect(refusal(() => registerAct(command({ birthDate: '1990-05-06', year: 1989 }), '1234567890', now)).fieldIssues).toEqual([
      expect.objectContaining({ pointer: '/body/legacy/year', code: 'before_birth' }),
    ]);
    expect(refusal(() => registerAct(command({ type: 'death', year: 2000, deathDate: '2001-01-01' }), undefined, now)).fieldIssues).toEqual([
      expect.objectContaining({ pointer: '/body/legacy/year', code: 'before_death' }),
    ]);
  });

  it('takes today from the injected time: a birth of tomorrow is refused today and accepted tomorrow', () => {
    const tomorrow = command({ birthDate: '2026-12-02', year: 2026 });
    expect(refusal(() => registerAct(tomorrow, '1234567890', now)).fieldIssues).toEqual([expect.objectContaining({ code: 'in_the_future' })]);
    expect(registerAct(tomorrow, '1234567890', new Date('2026-12-02T10:00:00Z')).act.person.birthDate).toBe('2026-12-02');
  });

  it('accepts a late registration: a birth of 1912 in a register of 1930', () => {
    expect(registerAct(command({ birthDate: '1912-03-01', year: 1930 }), '1234567890', now).act.legacy.year).toBe(1930);
  });

  it('refuses a register older than 1915, when the civil-status registers begin', () => {
    const parsed = registerActRoute.body!.safeParse({ type: 'birth', legacy: { office: 'RBT-HASSAN', year: 1914, register: 'R1', number: 1 }, person: command({}).person });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['legacy', 'year'], code: 'too_small' });
  });

  it("refuses a marginal note dated before the person's birth or after today", () => {
    const act = birthAct('1234567890');
    const note = { noteId: 'n1', kind: 'marriage' as const, text: { fr: 'Mariage' }, registrar };
    expect(refusal(() => recordNote(act, { ...note, eventDate: '1980-01-01' }, now)).fieldIssues).toEqual([expect.objectContaining({ pointer: '/body/eventDate', code: 'before_birth' })]);
    expect(refusal(() => recordNote(act, { ...note, eventDate: '2027-01-01' }, now)).fieldIssues).toEqual([expect.objectContaining({ pointer: '/body/eventDate', code: 'in_the_future' })]);
  });
});
