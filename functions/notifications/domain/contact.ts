// A person's e-mail contact: the address they declared, unverified until they give back the 6-digit code sent to
// it. The code is kept only as a salted SHA-256 (whoever reads the table cannot send it back), lives 15 minutes
// and allows 5 wrong attempts; after that only a new declaration (a new code) verifies the address.
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { NOTIFICATIONS_PROBLEMS } from '../notifications.problems.ts';

/** The languages a contact is written to in: the two of the administration. */
export const CONTACT_LANGUAGES = ['ar', 'fr'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export const VERIFICATION = { codeDigits: 6, validForMs: 15 * 60_000, wrongAttemptsAllowed: 5 } as const;

/** The code being waited for: its salted digest, when it expires, and the wrong codes given so far. */
export interface PendingVerification {
  readonly codeHash: string;
  readonly salt: string;
  readonly expiresAt: string;
  readonly wrongAttempts: number;
}

export interface EmailContact {
  readonly email: string;
  readonly language: ContactLanguage;
  readonly verified: boolean;
  /** When the address was declared (unverified) or verified (verified), in UTC. */
  readonly since: string;
  /** Present while the address is unverified and a code is waited for. */
  readonly pending?: PendingVerification;
}

/** The contact as its owner reads it: never the code's digest. */
export interface ContactView {
  readonly email: string;
  readonly language: ContactLanguage;
  readonly verified: boolean;
  readonly since: string;
}

export class WrongVerificationCodeError extends DomainError {
  readonly problem = NOTIFICATIONS_PROBLEMS['verification-code-wrong'];
}
export class VerificationCodeSpentError extends DomainError {
  readonly problem = NOTIFICATIONS_PROBLEMS['verification-code-spent'];
}
export class EmailUnavailableError extends DomainError {
  readonly problem = NOTIFICATIONS_PROBLEMS['email-unavailable'];
}

export function contactNotDeclared(): NotFoundError {
  return new NotFoundError({
    ar: 'لم تصرحوا بأي عنوان إلكتروني بعد',
    fr: "Vous n'avez pas encore déclaré d'adresse électronique",
    en: 'You have not declared an e-mail address yet',
  });
}

function digest(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

/** A newly declared address: unverified, waiting for `code`. */
export function declaredContact(email: string, language: ContactLanguage, code: string, salt: string, now: Date): EmailContact {
  return {
    email,
    language,
    verified: false,
    since: now.toISOString(),
    pending: { codeHash: digest(salt, code), salt, expiresAt: new Date(now.getTime() + VERIFICATION.validForMs).toISOString(), wrongAttempts: 0 },
  };
}

export type CodeCheck = { readonly outcome: 'verified'; readonly contact: EmailContact } | { readonly outcome: 'wrong'; readonly pending: PendingVerification };

/**
 * What `code` does to a contact waiting for one: verifies it, or counts one more wrong attempt; an expired or
 * exhausted code is refused before the code is even compared.
 */
export function checkCode(contact: EmailContact & { readonly pending: PendingVerification }, code: string, now: Date): CodeCheck {
  const { pending } = contact;
  if (pending.wrongAttempts >= VERIFICATION.wrongAttemptsAllowed || now.getTime() >= Date.parse(pending.expiresAt)) {
    throw new VerificationCodeSpentError({
      ar: 'انتهت صلاحية الرمز أو استُنفدت محاولاته؛ صرحوا بعنوانكم من جديد لتلقي رمز جديد',
      fr: 'Le code a expiré ou ses essais sont épuisés ; déclarez à nouveau votre adresse pour recevoir un nouveau code',
      en: 'The code has expired or its attempts are used up; declare your address again to receive a new code',
    });
  }
  const given = Buffer.from(digest(pending.salt, code), 'hex');
  if (timingSafeEqual(given, Buffer.from(pending.codeHash, 'hex'))) {
    return { outcome: 'verified', contact: { email: contact.email, language: contact.language, verified: true, since: now.toISOString() } };
  }
  return { outcome: 'wrong', pending: { ...pending, wrongAttempts: pending.wrongAttempts + 1 } };
}

export function wrongCode(attemptsLeft: number): WrongVerificationCodeError {
  return new WrongVerificationCodeError({
    ar: `رمز التحقق غير صحيح؛ تبقى ${attemptsLeft} محاولات`,
    fr: `Le code de vérification est erroné ; il reste ${attemptsLeft} essai(s)`,
    en: `The verification code is wrong; ${attemptsLeft} attempt(s) left`,
  });
}

export function viewOf({ email, language, verified, since }: EmailContact): ContactView {
  return { email, language, verified, since };
}
