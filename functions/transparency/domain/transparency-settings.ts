// The access-to-information settings of a collectivity: data its administrator edits, read when a request opens.
// The defaults are the law's as far as it is known (art. 16 and 17 of Law 31-13: 20 working days and one extension
// of 20; 3 and 3 for an urgent request); a commune that never set them uses them.
import type { Actor } from './information-request.ts';
import { DEFAULT_RECOURSE_PERIODS, type RecoursePeriods } from './recourse.ts';

export interface AnswerPeriod {
  /** Working days to answer, from the day after receipt. */
  readonly days: number;
  /** Working days of the one extension allowed before expiry. */
  readonly extensionDays: number;
}

export interface TransparencySettings {
  readonly commune: string;
  readonly periods: { readonly normal: AnswerPeriod; readonly urgent: AnswerPeriod };
  /**
   * Whether asking the requester for clarification stops the clock until they answer. The law lists an unclear
   * request as a ground of refusal, so by default it does not: the body answers in time or refuses on that ground.
   */
  readonly clarificationSuspendsClock: boolean;
  /** The periods of the complaint to the head of the body: unconfirmed defaults. */
  readonly recourse: RecoursePeriods;
  /** The `sub` of the president of the commune, head of the body, whom the complaints' reminders are told; none: recorded only. */
  readonly headOfBody?: string;
  /** 0 while the defaults apply; each administrator's change adds one. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: Actor;
}

export const DEFAULT_ANSWER_PERIODS: TransparencySettings['periods'] = { normal: { days: 20, extensionDays: 20 }, urgent: { days: 3, extensionDays: 3 } };

export function defaultTransparencySettings(commune: string): TransparencySettings {
  return { commune, periods: DEFAULT_ANSWER_PERIODS, clarificationSuspendsClock: false, recourse: DEFAULT_RECOURSE_PERIODS, version: 0 };
}
