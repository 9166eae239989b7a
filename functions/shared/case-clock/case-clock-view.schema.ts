// The zod shape of a case's clock as the reads show it: the stored facts, where the clock stands, and how its
// deadline was counted in ar, fr and en. One shape for every context whose case carries a CaseClock.
import * as z from 'zod/mini';
import { clockExplanation, clockStatusAt, type CaseClock, type CaseStanding, type ClockStatus } from './domain/case-clock.ts';
import type { ExplanationStep } from '../statutory-clock/statutory-clock.ts';

/** The fields of a clock as the reads show it. */
export const caseClockFields = {
  receiptDate: z.iso.date().check(z.describe('The Moroccan date of receipt; the count starts the next day')),
  period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
  suspensions: z.array(z.object({ from: z.iso.date(), to: z.optional(z.iso.date()), startedAt: z.string(), endedAt: z.optional(z.string()) })),
  extension: z.optional(z.object({ days: z.int(), reason: z.string(), grantedOn: z.iso.date() })),
  dueDate: z.iso.date(),
  dueAt: z.string().check(z.describe('End of the due day in Africa/Casablanca, ISO 8601 with offset')),
  holidays: z.array(z.iso.date()).check(z.describe('The public holidays the count met')),
  countedOn: z.iso.date(),
  status: z.enum(['running', 'suspended', 'lapsed', 'stopped']),
  explanation: z.array(
      z.object({
        code: z.enum(['start', 'period', 'suspension', 'extension', 'non-working-day', 'due']),
        date: z.optional(z.string()),
        from: z.optional(z.string()),
        to: z.optional(z.string()),
        days: z.optional(z.number()),
        text: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
      }),
    ).check(z.describe('How the deadline was counted: every weekend day and holiday skipped, in Arabic, French and English')),
};

export const caseClockSchema = z.object(caseClockFields);

export type CaseClockView = CaseClock & { readonly status: ClockStatus; readonly explanation: readonly ExplanationStep[] };

/** The clock as a read shows it at `at`: its facts, its status and its explanation, recomputed. */
export function caseClockView(clock: CaseClock, standing: CaseStanding, at: Date): CaseClockView {
  return { ...clock, status: clockStatusAt(clock, standing, at), explanation: clockExplanation(clock) };
}
