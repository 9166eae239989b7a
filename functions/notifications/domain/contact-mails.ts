// What the e-mails of this context say: in the contact's language first, then in the other language of the
// administration, and nothing about the person beyond what they are told.
import { VERIFICATION, type ContactLanguage } from './contact.ts';

export interface MailText {
  readonly subject: string;
  readonly text: string;
}

const OTHER: Readonly<Record<ContactLanguage, ContactLanguage>> = { ar: 'fr', fr: 'ar' };

const MINUTES = VERIFICATION.validForMs / 60_000;

export function verificationMail(language: ContactLanguage, code: string): MailText {
  const texts = {
    ar: { subject: `رمز التحقق من عنوانكم: ${code}`, text: `رمز التحقق من عنوانكم الإلكتروني هو ${code}. صالح لمدة ${MINUTES} دقيقة.` },
    fr: { subject: `Code de vérification de votre adresse : ${code}`, text: `Le code de vérification de votre adresse électronique est ${code}. Il est valable ${MINUTES} minutes.` },
  };
  return { subject: texts[language].subject, text: `${texts[language].text}\n\n${texts[OTHER[language]].text}\n` };
}
