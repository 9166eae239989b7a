// The refusal letter as a bilingual PDF (French left, Arabic right, shaped) with its signed QR code: the request, the
// decision, each ground of the law's list with its reason, and the recourse with its deadlines. Rendered once, when it
// is issued, and stored; the download route serves the stored file and never loads this module.
import { renderBilingualPdf, type BilingualDocument, type BilingualText, type DocumentRow } from '../../shared/pdf/bilingual-document.ts';
import { communeHeading, OFFLINE_VERIFICATION_CAPTION } from '../../shared/pdf/official-paper.ts';
import { moroccanDate, printedDate } from '../../shared/time/morocco-time.ts';
import { GROUND_LABELS } from '../domain/refusal-grounds.ts';
import type { RefusalLetterContent, RefusalLetterGround } from '../domain/refusal-letter.ts';

const DECISIONS: Record<RefusalLetterContent['outcome'], BilingualText> = {
  refused: { fr: "Refus motivé de la demande d'accès à l'information", ar: 'رفض معلل لطلب الحصول على المعلومات' },
  partial: { fr: "Communication partielle de l'information demandée", ar: 'تسليم جزئي للمعلومات المطلوبة' },
};

/** What a ground needs besides its reason, printed after it: where it is published, the earlier request. */
function groundDetail(ground: RefusalLetterGround): BilingualText | undefined {
  const { statement } = ground;
  if (statement.ground === 'already-published') return { fr: `Publiée à l'adresse : ${statement.link}`, ar: `منشورة في العنوان: ${statement.link}` };
  if (statement.ground === 'repeated-within-year') return { fr: `Demande antérieure : ${statement.earlierRequestId}`, ar: `الطلب السابق: ${statement.earlierRequestId}` };
  return undefined;
}

function groundNote(ground: RefusalLetterGround, index: number): BilingualText {
  const label = GROUND_LABELS[ground.statement.ground];
  const detail = groundDetail(ground);
  const part = ground.part ? { fr: `Partie non communiquée : ${ground.part}. `, ar: `الجزء غير المسلم: ${ground.part}. ` } : { fr: '', ar: '' };
  return {
    fr: `Motif ${index + 1} — ${label.fr}. ${part.fr}Raison : ${ground.statement.reason}${detail ? `. ${detail.fr}` : ''}`,
    ar: `السبب ${index + 1} — ${label.ar}. ${part.ar}التعليل: ${ground.statement.reason}${detail ? `. ${detail.ar}` : ''}`,
  };
}

function recourseNote(recourse: RefusalLetterContent['recourse']): BilingualText {
  const due = printedDate(recourse.complaintDueDate);
  return {
    fr:
      `Voies de recours : vous pouvez adresser une réclamation au président de la commune, chef de l'organisme, dans les ${recourse.complaintFilingDays} jours ouvrables, ` +
      `soit au plus tard le ${due} ; il y répond dans les ${recourse.complaintAnswerDays} jours ouvrables (ces deux délais ne sont pas confirmés par un texte vérifié : ` +
      `ce sont ceux que la commune applique). Vous pouvez ensuite saisir la Commission du droit d'accès à l'information (CDAI) dans les ${recourse.cdaiDays} jours ` +
      `suivant sa réponse ou l'expiration de son délai de réponse (loi 31-13).`,
    ar:
      `طرق الطعن: يمكنكم تقديم شكاية إلى رئيس الجماعة، رئيس الهيئة، داخل أجل ${recourse.complaintFilingDays} يوم عمل، أي في أجل أقصاه ${due}؛ ` +
      `ويجيب عنها داخل أجل ${recourse.complaintAnswerDays} يوم عمل (لم يتأكد هذان الأجلان من نص تم التحقق منه: هما الأجلان اللذان تطبقهما الجماعة). ` +
      `ويمكنكم بعد ذلك اللجوء إلى لجنة الحق في الحصول على المعلومات داخل أجل ${recourse.cdaiDays} يوما من جوابه أو من انقضاء أجل جوابه (القانون 31.13).`,
  };
}

export function refusalLetterLayout(content: RefusalLetterContent): BilingualDocument {
  const rows: DocumentRow[] = [
    { label: { fr: 'Demande', ar: 'الطلب' }, value: content.requestId },
    { label: { fr: 'Reçue le', ar: 'تاريخ التوصل' }, value: printedDate(content.receivedAt.slice(0, 10)) },
    ...(content.requester ? [{ label: { fr: 'Demandeur', ar: 'صاحب الطلب' }, value: content.requester }] : []),
    { label: { fr: 'Collectivité', ar: 'الجماعة' }, value: content.commune.names },
    { label: { fr: 'Décision du', ar: 'تاريخ القرار' }, value: printedDate(moroccanDate(new Date(content.answeredAt))) },
    { label: { fr: 'Décision', ar: 'القرار' }, value: DECISIONS[content.outcome] },
  ];
  return {
    issuer: communeHeading(content.commune.names),
    title: content.outcome === 'refused' ? { fr: 'Lettre de refus motivé', ar: 'رسالة رفض معلل' } : { fr: 'Lettre de communication partielle', ar: 'رسالة تسليم جزئي' },
    reference: content.number,
    issuedAt: content.issuedAt,
    rows,
    notes: [
      {
        fr: "En application de la loi n° 31-13 relative au droit d'accès à l'information, la commune vous fait connaître les motifs de sa décision, pris dans la liste que la loi prévoit :",
        ar: 'تطبيقا للقانون رقم 31.13 المتعلق بالحق في الحصول على المعلومات، تبلغكم الجماعة أسباب قرارها، المستمدة من اللائحة التي ينص عليها القانون:',
      },
      ...content.grounds.map(groundNote),
      recourseNote(content.recourse),
    ],
  };
}

/** The letter as a PDF, with `signedClaims` (the compact JWS of its claims) in its QR code. */
export function renderRefusalLetter(content: RefusalLetterContent, signedClaims: string): Promise<Uint8Array> {
  return renderBilingualPdf({ ...refusalLetterLayout(content), qr: { payload: signedClaims, caption: OFFLINE_VERIFICATION_CAPTION } });
}
