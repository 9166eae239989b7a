// The acknowledgment as a bilingual PDF with its signed QR code: the letter's number, the instant the registry
// office received it (to the second, Moroccan time, as stored), its subject, sender and commune. Rendered once,
// when it is issued, and stored; the download route serves the stored file and never loads this module.
import { renderBilingualPdf, type BilingualDocument, type BilingualText } from '../../shared/pdf/bilingual-document.ts';
import { communeHeading, OFFLINE_VERIFICATION_CAPTION } from '../../shared/pdf/official-paper.ts';
import { printedDate } from '../../shared/time/morocco-time.ts';
import type { AcknowledgmentContent } from '../domain/acknowledgment.ts';

const CHANNELS: Record<AcknowledgmentContent['channel'], BilingualText> = {
  online: { fr: 'En ligne', ar: 'عبر الإنترنت' },
  counter: { fr: 'Au guichet', ar: 'بالشباك' },
  post: { fr: 'Par la poste', ar: 'بالبريد' },
  email: { fr: 'Par courrier électronique', ar: 'بالبريد الإلكتروني' },
};

/** `2027-03-01T10:15:42+01:00` as `01/03/2027 10:15:42 (UTC+01:00)`: the stored instant, never converted. */
export function printedReceipt(receivedAt: string): string {
  return `${printedDate(receivedAt.slice(0, 10))} ${receivedAt.slice(11, 19)} (UTC${receivedAt.slice(19)})`;
}

export function acknowledgmentLayout(content: AcknowledgmentContent): BilingualDocument {
  return {
    issuer: communeHeading(content.commune.names),
    title: { fr: 'Accusé de réception de courrier', ar: 'إشعار بالتوصل بمراسلة' },
    reference: content.number,
    issuedAt: content.issuedAt,
    rows: [
      { label: { fr: "Numéro d'ordre", ar: 'رقم الترتيب' }, value: content.letterNumber },
      { label: { fr: 'Reçu le (heure du Maroc)', ar: 'تاريخ وساعة التوصل (توقيت المغرب)' }, value: printedReceipt(content.receivedAt) },
      { label: { fr: 'Collectivité', ar: 'الجماعة' }, value: content.commune.names },
      { label: { fr: 'Objet', ar: 'الموضوع' }, value: content.subject },
      { label: { fr: 'Expéditeur', ar: 'المرسل' }, value: content.sender },
      { label: { fr: 'Mode de dépôt', ar: 'طريقة الإيداع' }, value: CHANNELS[content.channel] },
    ],
    notes: [
      {
        fr: "Le bureau d'ordre a enregistré ce courrier sous le numéro et à l'instant indiqués. Ce document en fait foi : les délais qui courent de la réception courent de cet instant.",
        ar: 'سجل مكتب الضبط هذه المراسلة تحت الرقم وفي التاريخ والساعة المبينة أعلاه. تشهد هذه الوثيقة بذلك: الآجال التي تسري من تاريخ التوصل تسري من هذا التاريخ.',
      },
    ],
  };
}

/** The acknowledgment as a PDF, with `signedClaims` (the compact JWS of its claims) in its QR code. */
export function renderAcknowledgment(content: AcknowledgmentContent, signedClaims: string): Promise<Uint8Array> {
  return renderBilingualPdf({ ...acknowledgmentLayout(content), qr: { payload: signedClaims, caption: OFFLINE_VERIFICATION_CAPTION } });
}
