// The problem types only the registry office raises, attached to its description (registry-office.service.ts);
// the platform-wide ones (validation-failed, not-found, conflict, invalid-state, ...) are in
// functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const REGISTRY_OFFICE_PROBLEMS = declareProblems({
  'register-busy': {
    status: 409,
    title: {
      ar: 'السجل منشغل بتسجيلات أخرى في اللحظة نفسها؛ أعيدوا المحاولة بمفتاح عدم التكرار نفسه',
      fr: "Le registre est occupé par d'autres enregistrements au même instant ; réessayez avec la même clé d'idempotence",
      en: 'The register is busy with other registrations at this instant; try again with the same Idempotency-Key',
    },
  },
  'attachment-refused': {
    status: 422,
    title: {
      ar: 'الملف المرفق مرفوض: ليس من الأنواع المقبولة أو ليس النوع المصرح به، أو بلغت الرسالة أقصى عدد من المرفقات',
      fr: "Pièce jointe refusée : d'un type non accepté ou autre que celui déclaré, ou le courrier a déjà le maximum de pièces jointes",
      en: 'Attachment refused: not of an accepted type or not the declared one, or the letter has the most attachments it takes',
    },
  },
});
