// The problem types only the complaints context raises, attached to its description (complaints.service.ts); the
// platform-wide ones (validation-failed, not-found, conflict, invalid-state, checksum-mismatch, ...) are in
// functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const COMPLAINTS_PROBLEMS = declareProblems({
  'photo-refused': {
    status: 422,
    title: {
      ar: 'الصورة مرفوضة: ليست JPEG ولا PNG، أو ليست النوع المصرح به، أو للشكاية أقصى عدد من الصور',
      fr: "Photo refusée : ni JPEG ni PNG, ou d'un autre type que celui déclaré, ou la réclamation a déjà le maximum de photos",
      en: 'Photo refused: neither JPEG nor PNG, or not the declared type, or the complaint has the most photos it takes',
    },
  },
});
