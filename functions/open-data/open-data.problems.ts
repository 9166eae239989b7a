// The problem types only the open-data context raises, attached to its description (open-data.service.ts); the
// platform-wide ones are in functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const OPEN_DATA_PROBLEMS = declareProblems({
  'fed-dataset-declared': {
    status: 409,
    title: {
      ar: 'لهذه الجماعة مجموعة بيانات من هذا المصدر',
      fr: 'La commune a déjà un jeu de données alimenté par cette source',
      en: 'The commune already has a dataset fed by this source',
    },
  },
  'dataset-file-refused': {
    status: 422,
    title: {
      ar: 'رُفض ملف مجموعة البيانات',
      fr: 'Le fichier du jeu de données est refusé',
      en: 'The dataset file is refused',
    },
  },
});
