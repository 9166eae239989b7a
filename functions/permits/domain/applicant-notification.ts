// What the applicant is told, and when: documents are requested, the permit is decided, the deadline passed in
// silence, the deadline moved. Emitted with the change that causes it, delivered by the notifications context.
import type { Localized } from '../../shared/i18n/language.ts';
import type { PermitChange } from './permit.ts';

export interface ApplicantNotification {
  readonly topic: 'documents-requested' | 'decided' | 'deadline-lapsed' | 'deadline-moved';
  readonly message: Localized;
}

export function applicantNotification({ permit, event }: PermitChange): ApplicantNotification | undefined {
  const receipt = permit.receiptNumber;
  switch (event.type) {
    case 'documents-requested':
      return {
        topic: event.type,
        message: {
          ar: `طُلبت منكم وثائق لملفكم ${receipt}؛ توقف احتساب الأجل إلى حين الإدلاء بها.`,
          fr: `Des documents vous sont demandés pour le dossier ${receipt} ; le délai est suspendu jusqu'à leur dépôt.`,
          en: `Documents are requested for your file ${receipt}; the deadline is suspended until you provide them.`,
        },
      };
    case 'decided':
      return {
        topic: event.type,
        message:
          permit.status === 'approved'
            ? { ar: `تمت الموافقة على ملفكم ${receipt}.`, fr: `Votre dossier ${receipt} est approuvé.`, en: `Your file ${receipt} is approved.` }
            : {
                ar: `تم رفض ملفكم ${receipt}؛ الأسباب مبينة في الملف.`,
                fr: `Votre dossier ${receipt} est refusé ; les motifs figurent au dossier.`,
                en: `Your file ${receipt} is rejected; the reasons are in the file.`,
              },
      };
    case 'deadline-lapsed':
      return {
        topic: event.type,
        message:
          permit.status === 'deemed-approved'
            ? {
                ar: `انقضى الأجل دون رد: ملفكم ${receipt} يعتبر موافقا عليه.`,
                fr: `Le délai est écoulé sans réponse : votre dossier ${receipt} est réputé approuvé.`,
                en: `The deadline passed without an answer: your file ${receipt} is deemed approved.`,
              }
            : {
                ar: `انقضى الأجل دون رد على ملفكم ${receipt}: يمكنكم التمسك بالموافقة الضمنية.`,
                fr: `Le délai est écoulé sans réponse sur votre dossier ${receipt} : vous pouvez invoquer l'accord tacite.`,
                en: `The deadline passed without an answer on your file ${receipt}: you may invoke deemed approval.`,
              },
      };
    case 'deadline-recomputed': {
      const before = String(event.details?.dueDateBefore);
      const after = permit.clock.dueDate;
      return {
        topic: 'deadline-moved',
        message: {
          ar: `تغير الأجل القانوني لملفكم ${receipt} من ${before} إلى ${after}، بعد تأكيد الإدارة لتواريخ الأعياد الدينية.`,
          fr: `Le délai légal de votre dossier ${receipt} passe du ${before} au ${after} : l'administration a confirmé les dates des fêtes religieuses.`,
          en: `The legal deadline of your file ${receipt} moves from ${before} to ${after}: the administration confirmed the dates of the religious holidays.`,
        },
      };
    }
    default:
      return undefined;
  }
}
