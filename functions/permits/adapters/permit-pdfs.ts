// The applicant's papers as bilingual PDFs with a signed QR code: the filing receipt (their proof for invoking
// silence: the due date and how it was counted) and the deemed-approval certificate. Each is rendered once,
// when it is issued, and stored; the download routes serve the stored file and never load this module.
import { renderBilingualPdf, type BilingualDocument, type BilingualText } from '../../shared/pdf/bilingual-document.ts';
import { communeHeading, OFFLINE_VERIFICATION_CAPTION } from '../../shared/pdf/official-paper.ts';
import { printedDate } from '../../shared/time/morocco-time.ts';
import type { PermitPaperContent } from '../domain/permit-papers.ts';

const LEGAL_BASIS: BilingualText = {
  fr: "Loi n° 55-19 relative à la simplification des procédures et formalités administratives ; arrêté conjoint n° 1839.23. Passé le délai légal sans décision de l'administration, l'autorisation est réputée accordée.",
  ar: 'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية؛ القرار المشترك رقم 1839.23. إذا انقضى الأجل القانوني دون أن تبت الإدارة، تعتبر الرخصة ممنوحة.',
};

const COUNTING: BilingualText = { fr: 'Calcul du délai', ar: 'طريقة احتساب الأجل' };

function period(paper: PermitPaperContent): BilingualText {
  const { days, unit } = paper.period;
  return unit === 'working' ? { fr: `${days} jours ouvrables`, ar: `${days} يوم عمل` } : { fr: `${days} jours calendaires`, ar: `${days} يوما` };
}

function fileRows(paper: PermitPaperContent): BilingualDocument['rows'] {
  const { project } = paper;
  return [
    { label: { fr: 'Numéro du dossier', ar: 'رقم الملف' }, value: paper.receiptNumber },
    { label: { fr: 'Demandeur (identifiant)', ar: 'صاحب الطلب (المعرف)' }, value: paper.applicant },
    { label: { fr: 'Procédure', ar: 'المسطرة' }, value: paper.procedure },
    { label: { fr: 'Projet', ar: 'المشروع' }, value: project.title },
    { label: { fr: 'Adresse', ar: 'العنوان' }, value: project.address },
    ...(project.parcelReference ? [{ label: { fr: 'Parcelle (référence foncière)', ar: 'القطعة (المرجع العقاري)' }, value: project.parcelReference }] : []),
    { label: { fr: 'Date de dépôt', ar: 'تاريخ الإيداع' }, value: printedDate(paper.receiptDate) },
    { label: { fr: 'Délai légal', ar: 'الأجل القانوني' }, value: period(paper) },
    { label: { fr: 'Échéance légale', ar: 'تاريخ انقضاء الأجل' }, value: printedDate(paper.dueDate) },
  ];
}

function counting(paper: PermitPaperContent): BilingualText[] {
  return [COUNTING, ...paper.explanation];
}

function receipt(paper: PermitPaperContent): BilingualDocument {
  return {
    issuer: communeHeading(paper.commune.names),
    title: { fr: 'Récépissé de dépôt', ar: 'وصل الإيداع' },
    reference: paper.number,
    issuedAt: paper.issuedAt,
    rows: fileRows(paper),
    notes: [
      ...counting(paper),
      {
        fr: "Sans décision notifiée au plus tard à l'échéance légale, vous pouvez vous prévaloir de l'accord tacite. Une demande de pièces suspend le délai jusqu'à leur remise.",
        ar: 'إذا لم يُبلَّغ إليكم أي قرار في أجل أقصاه تاريخ انقضاء الأجل القانوني، يمكنكم التمسك بالموافقة الضمنية. يوقف طلب الوثائق سريان الأجل إلى حين الإدلاء بها.',
      },
      LEGAL_BASIS,
    ],
  };
}

function certificate(paper: PermitPaperContent): BilingualDocument {
  const approval = paper.deemedApproval!;
  return {
    issuer: communeHeading(paper.commune.names),
    title: { fr: "Attestation d'accord tacite", ar: 'شهادة الموافقة الضمنية' },
    reference: paper.number,
    issuedAt: paper.issuedAt,
    rows: [
      ...fileRows(paper),
      ...(approval.lapsedOn ? [{ label: { fr: 'Délai écoulé le', ar: 'انقضى الأجل في' }, value: printedDate(approval.lapsedOn) }] : []),
      {
        label: { fr: 'Accord tacite', ar: 'الموافقة الضمنية' },
        value: approval.automatic
          ? { fr: `De plein droit, le ${printedDate(approval.invokedOn)}`, ar: `بقوة القانون، بتاريخ ${printedDate(approval.invokedOn)}` }
          : { fr: `Invoqué par le demandeur le ${printedDate(approval.invokedOn)}`, ar: `تمسك به صاحب الطلب بتاريخ ${printedDate(approval.invokedOn)}` },
      },
    ],
    notes: [
      {
        fr: "L'administration n'ayant pas statué dans le délai légal, l'autorisation demandée est réputée accordée.",
        ar: 'بما أن الإدارة لم تبت داخل الأجل القانوني، فإن الرخصة المطلوبة تعتبر ممنوحة.',
      },
      ...counting(paper),
      LEGAL_BASIS,
    ],
  };
}

/** The paper as a PDF, with `signedClaims` (the compact JWS of its claims) in its QR code. */
export function renderPermitPaper(paper: PermitPaperContent, signedClaims: string): Promise<Uint8Array> {
  const layout = paper.kind === 'permit-receipt' ? receipt(paper) : certificate(paper);
  return renderBilingualPdf({ ...layout, qr: { payload: signedClaims, caption: OFFLINE_VERIFICATION_CAPTION } });
}
