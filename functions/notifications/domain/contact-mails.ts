// What the e-mails of this context say: in the contact's language first, then in the other language of the
// administration, and nothing about the person beyond what they are told.
import { VERIFICATION, type ContactLanguage } from './contact.ts';
import type { Notification } from './notification.ts';

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

const NOTIFICATION_LABEL: Readonly<Record<ContactLanguage, string>> = { ar: 'إشعار', fr: 'Notification' };

/**
 * A notification's e-mail: its topic and the file's reference as the subject, its message in the contact's language
 * and then in the other; nothing else about the person (no name, no identifier).
 */
export function notificationMail(language: ContactLanguage, notification: Pick<Notification, 'topic' | 'about' | 'message'>): MailText {
  return {
    subject: `${NOTIFICATION_LABEL[language]} ${notification.topic} — ${notification.about.reference}`,
    text: `${notification.message[language]}\n\n${notification.message[OTHER[language]]}\n`,
  };
}
