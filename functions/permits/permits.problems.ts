// The problem types only permits raise, attached to its description (permits.service.ts); the platform-wide ones
// (not-found, invalid-state, ...) are in functions/shared/errors/problem-types.ts, those of every deadline case
// (extension-refused) in functions/shared/case-clock/case-clock.problems.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const PERMIT_PROBLEMS = declareProblems({
  'deadline-lapsed': {
    status: 409,
    title: { ar: 'انقضى الأجل القانوني: سكوت الإدارة يعتبر موافقة', fr: "Le délai légal est écoulé : le silence de l'administration vaut accord", en: "The legal deadline has lapsed: the administration's silence counts as approval" },
  },
  'deadline-not-lapsed': {
    status: 409,
    title: { ar: 'لم ينقض الأجل القانوني بعد', fr: "Le délai légal n'est pas encore écoulé", en: 'The legal deadline has not lapsed yet' },
  },
});
