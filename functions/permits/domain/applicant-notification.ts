// What the applicant is told, and when: documents are requested, the permit is decided, the deadline passed
// in silence. Kept in the applicant's inbox with the change that caused it.
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { PermitChange } from './permit.ts';

export interface ApplicantNotification {
  readonly applicant: string;
  readonly permitId: string;
  readonly receiptNumber: string;
  readonly type: 'documents-requested' | 'decided' | 'deadline-lapsed';
  readonly at: string;
  readonly message: BilingualName;
}

export function applicantNotification({ permit, event }: PermitChange): ApplicantNotification | undefined {
  const about = { applicant: permit.applicant, permitId: permit.id, receiptNumber: permit.receiptNumber, at: event.at };
  const receipt = permit.receiptNumber;
  switch (event.type) {
    case 'documents-requested':
      return {
        ...about,
        type: event.type,
        message: {
          ar: `طُلبت منكم وثائق لملفكم ${receipt}؛ توقف احتساب الأجل إلى حين الإدلاء بها.`,
          fr: `Des documents vous sont demandés pour le dossier ${receipt} ; le délai est suspendu jusqu'à leur dépôt.`,
        },
      };
    case 'decided':
      return {
        ...about,
        type: event.type,
        message:
          permit.status === 'approved'
            ? { ar: `تمت الموافقة على ملفكم ${receipt}.`, fr: `Votre dossier ${receipt} est approuvé.` }
            : { ar: `تم رفض ملفكم ${receipt}؛ الأسباب مبينة في الملف.`, fr: `Votre dossier ${receipt} est refusé ; les motifs figurent au dossier.` },
      };
    case 'deadline-lapsed':
      return {
        ...about,
        type: event.type,
        message:
          permit.status === 'deemed-approved'
            ? { ar: `انقضى الأجل دون رد: ملفكم ${receipt} يعتبر موافقا عليه.`, fr: `Le délai est écoulé sans réponse : votre dossier ${receipt} est réputé approuvé.` }
            : {
                ar: `انقضى الأجل دون رد على ملفكم ${receipt}: يمكنكم التمسك بالموافقة الضمنية.`,
                fr: `Le délai est écoulé sans réponse sur votre dossier ${receipt} : vous pouvez invoquer l'accord tacite.`,
              },
      };
    default:
      return undefined;
  }
}
