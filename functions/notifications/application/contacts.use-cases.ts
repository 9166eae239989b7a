// Declaring and verifying one's e-mail address. Whoever calls acts on their own contact only (their token's `sub`):
// no route names a person. A declaration stores the address unverified with a new code's digest, then mails the
// code; verification compares it, counting wrong attempts, with conditional writes so that racing attempts have
// one outcome.
import type { Principal } from '../../shared/auth/principal.ts';
import { VERIFICATION, checkCode, contactNotDeclared, declaredContact, EmailUnavailableError, viewOf, wrongCode, type ContactLanguage, type ContactView } from '../domain/contact.ts';
import { verificationMail } from '../domain/contact-mails.ts';
import type { Contacts, DeclarationDependencies } from './notifications.ports.ts';

export async function declareContact(
  { contacts, mailer, secrets }: DeclarationDependencies,
  principal: Principal,
  declaration: { readonly email: string; readonly language: ContactLanguage },
  now: Date,
): Promise<ContactView> {
  if (!mailer) {
    throw new EmailUnavailableError({
      ar: 'لا يمكن التصريح بعنوان إلكتروني: لم يُضبط عنوان المرسل في هذا النشر',
      fr: "Impossible de déclarer une adresse : aucune adresse d'expéditeur n'est configurée dans ce déploiement",
      en: 'An address cannot be declared: no sender address is configured in this deployment',
    });
  }
  const code = secrets.code();
  const contact = declaredContact(declaration.email.toLowerCase(), declaration.language, code, secrets.salt(), now);
  // Stored before it is sent: a failed send leaves an unverified address whose code nobody received, and the
  // caller's retry (a new PUT) stores a new code and sends it; the other order could mail a code never stored.
  await contacts.declare(principal.sub, contact);
  await mailer.send({ to: contact.email, ...verificationMail(contact.language, code) });
  return viewOf(contact);
}

export async function verifyContact(contacts: Contacts, principal: Principal, code: string, now: Date): Promise<ContactView> {
  const contact = await contacts.contactOf(principal.sub);
  if (!contact) throw contactNotDeclared();
  // Verified already (a retry of the request that verified it): the same answer, nothing written.
  if (!contact.pending) return viewOf(contact);
  const checked = checkCode({ ...contact, pending: contact.pending }, code, now);
  if (checked.outcome === 'verified') {
    await contacts.replace(principal.sub, contact.pending, checked.contact);
    return viewOf(checked.contact);
  }
  await contacts.replace(principal.sub, contact.pending, { ...contact, pending: checked.pending });
  throw wrongCode(VERIFICATION.wrongAttemptsAllowed - checked.pending.wrongAttempts);
}

export async function myContact(contacts: Contacts, principal: Principal): Promise<ContactView> {
  const contact = await contacts.contactOf(principal.sub);
  if (!contact) throw contactNotDeclared();
  return viewOf(contact);
}
