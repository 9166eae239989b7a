// The problem types the deadline-case kit raises for every context that uses it.
import { declareProblems } from '../errors/problem-types.ts';

export const CASE_CLOCK_PROBLEMS = declareProblems({
  'extension-refused': {
    status: 409,
    title: { ar: 'التمديد غير مقبول', fr: 'La prorogation est refusée', en: 'The extension is refused' },
  },
});
