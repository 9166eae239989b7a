// What every signed paper of a commune prints the same way, whichever context issues it: the issuer's heading
// and the caption under its QR code.
import type { BilingualName } from '../i18n/language.ts';
import type { BilingualText } from './bilingual-document.ts';

/** The caption under the QR code of every signed paper, which anyone checks offline against the published keys. */
export const OFFLINE_VERIFICATION_CAPTION: BilingualText = {
  fr: 'Vérifiez ce document hors ligne : le code QR porte ses données, signées électroniquement.',
  ar: 'تحقق من هذه الوثيقة دون اتصال: يحمل رمز QR معطياتها موقعة إلكترونيا.',
};

/** The heading of a commune's paper: the kingdom, then the commune. */
export function communeHeading(names: BilingualName): BilingualText {
  return { fr: `Royaume du Maroc\nCommune de ${names.fr}`, ar: `المملكة المغربية\nجماعة ${names.ar}` };
}
