// The extract or full copy as a bilingual PDF: the act's data in French and Arabic, the issuing office, and
// the QR code carrying the signed claims.
import { renderBilingualPdf, type BilingualText, type DocumentRow } from '../../shared/pdf/bilingual-document.ts';
import { OFFLINE_VERIFICATION_CAPTION } from '../../shared/pdf/official-paper.ts';
import { printedDate } from '../../shared/time/morocco-time.ts';
import type { BirthDocument } from '../domain/birth-document.ts';

const TITLES: Record<BirthDocument['kind'], BilingualText> = {
  'birth-extract': { fr: "Extrait d'acte de naissance", ar: 'نسخة موجزة من رسم الولادة' },
  'birth-full-copy': { fr: "Copie intégrale d'acte de naissance", ar: 'نسخة كاملة من رسم الولادة' },
};

const SEX: Record<'F' | 'M', BilingualText> = { F: { fr: 'Féminin', ar: 'أنثى' }, M: { fr: 'Masculin', ar: 'ذكر' } };

const NOTE_KINDS: Record<NonNullable<BirthDocument['notes']>[number]['kind'], BilingualText> = {
  marriage: { fr: 'Mariage', ar: 'زواج' },
  divorce: { fr: 'Divorce', ar: 'طلاق' },
  death: { fr: 'Décès', ar: 'وفاة' },
  rectification: { fr: 'Rectification', ar: 'تصحيح' },
  other: { fr: 'Mention', ar: 'بيان' },
};

export function renderBirthDocument(document: BirthDocument, signedClaims: string): Promise<Uint8Array> {
  const { person, office } = document;
  const rows: DocumentRow[] = [
    { label: { fr: "Référence de l'acte", ar: 'مراجع الرسم' }, value: document.actReference },
    { label: { fr: 'Prénom', ar: 'الاسم الشخصي' }, value: person.givenName },
    { label: { fr: 'Nom', ar: 'الاسم العائلي' }, value: person.familyName },
    { label: { fr: 'Sexe', ar: 'الجنس' }, value: SEX[person.sex] },
    { label: { fr: 'Date de naissance', ar: 'تاريخ الولادة' }, value: printedDate(person.birthDate) },
    { label: { fr: 'Lieu de naissance', ar: 'مكان الولادة' }, value: person.birthPlace },
    ...(person.father ? [{ label: { fr: 'Père', ar: 'الأب' }, value: person.father }] : []),
    ...(person.mother ? [{ label: { fr: 'Mère', ar: 'الأم' }, value: person.mother }] : []),
  ];
  const notes = (document.notes ?? []).map(
    (note): BilingualText => ({
      fr: `${NOTE_KINDS[note.kind].fr} (${printedDate(note.eventDate)}) : ${note.text.fr ?? note.text.ar ?? ''}`,
      ar: `${NOTE_KINDS[note.kind].ar} (${printedDate(note.eventDate)}): ${note.text.ar ?? note.text.fr ?? ''}`,
    }),
  );
  return renderBilingualPdf({
    issuer: { fr: `Royaume du Maroc\nCommune de ${office.commune.fr}\n${office.names.fr}`, ar: `المملكة المغربية\nجماعة ${office.commune.ar}\n${office.names.ar}` },
    title: TITLES[document.kind],
    reference: document.number,
    issuedAt: document.issuedAt,
    rows,
    ...(document.kind === 'birth-full-copy' && {
      notes: notes.length > 0 ? [{ fr: 'Mentions marginales', ar: 'البيانات الهامشية' }, ...notes] : [{ fr: 'Aucune mention marginale', ar: 'لا توجد بيانات هامشية' }],
    }),
    qr: { payload: signedClaims, caption: OFFLINE_VERIFICATION_CAPTION },
  });
}
