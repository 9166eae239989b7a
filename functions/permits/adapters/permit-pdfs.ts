// The applicant's papers as bilingual PDFs: the filing receipt (their proof for invoking silence) and the
// deemed-approval certificate. Both are drawn from the stored permit, so asking again gives the same document.
import { renderBilingualPdf, type BilingualDocument, type BilingualText } from '../../shared/pdf/bilingual-document.ts';
import { moroccanDate, printedDate } from '../../shared/time/morocco-time.ts';
import type { Permit } from '../domain/permit.ts';

const LEGAL_BASIS: BilingualText = {
  fr: "Loi n° 55-19 relative à la simplification des procédures et formalités administratives ; arrêté conjoint n° 1839.23. Passé le délai légal sans décision de l'administration, l'autorisation est réputée accordée.",
  ar: 'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية؛ القرار المشترك رقم 1839.23. إذا انقضى الأجل القانوني دون أن تبت الإدارة، تعتبر الرخصة ممنوحة.',
};


function issuer(permit: Permit): BilingualText {
  return { fr: `Royaume du Maroc\nCommune de ${permit.commune.names.fr}`, ar: `المملكة المغربية\nجماعة ${permit.commune.names.ar}` };
}

function period(permit: Permit): BilingualText {
  const { days, unit } = permit.clock.period;
  return unit === 'working'
    ? { fr: `${days} jours ouvrables`, ar: `${days} يوم عمل` }
    : { fr: `${days} jours calendaires`, ar: `${days} يوما` };
}

function commonRows(permit: Permit): BilingualDocument['rows'] {
  return [
    { label: { fr: 'Procédure', ar: 'المسطرة' }, value: permit.procedure.names },
    { label: { fr: 'Projet', ar: 'المشروع' }, value: permit.project.title },
    { label: { fr: 'Adresse', ar: 'العنوان' }, value: permit.project.address },
    { label: { fr: 'Date de dépôt', ar: 'تاريخ الإيداع' }, value: printedDate(permit.clock.receiptDate) },
    { label: { fr: 'Délai légal', ar: 'الأجل القانوني' }, value: period(permit) },
  ];
}

export function renderReceipt(permit: Permit): Promise<Uint8Array> {
  return renderBilingualPdf({
    issuer: issuer(permit),
    title: { fr: 'Récépissé de dépôt', ar: 'وصل الإيداع' },
    reference: permit.receiptNumber,
    issuedAt: permit.filedAt,
    rows: commonRows(permit),
    notes: [LEGAL_BASIS],
  });
}

/** The certificate of a permit approved by silence; only such a permit has one. */
export function renderDeemedApprovalCertificate(permit: Permit & { deemedApproval: NonNullable<Permit['deemedApproval']> }): Promise<Uint8Array> {
  return renderBilingualPdf({
    issuer: issuer(permit),
    title: { fr: "Attestation d'accord tacite", ar: 'شهادة الموافقة الضمنية' },
    reference: permit.deemedApproval.certificateNumber,
    issuedAt: permit.deemedApproval.invokedAt,
    rows: [
      { label: { fr: 'Numéro du dossier', ar: 'رقم الملف' }, value: permit.receiptNumber },
      ...commonRows(permit),
      { label: { fr: 'Échéance légale', ar: 'تاريخ انقضاء الأجل' }, value: printedDate(permit.clock.dueDate) },
      ...(permit.lapsedAt ? [{ label: { fr: 'Délai écoulé le', ar: 'انقضى الأجل في' }, value: printedDate(moroccanDate(new Date(permit.lapsedAt))) }] : []),
    ],
    notes: [
      {
        fr: "L'administration n'ayant pas statué dans le délai légal, l'autorisation demandée est réputée accordée.",
        ar: 'بما أن الإدارة لم تبت داخل الأجل القانوني، فإن الرخصة المطلوبة تعتبر ممنوحة.',
      },
      LEGAL_BASIS,
    ],
  });
}
