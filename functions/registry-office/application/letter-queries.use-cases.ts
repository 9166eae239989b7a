// Reading letters: one letter and its history (by whoever may read it), a register in number order (its clerks,
// administrators and auditors), and "where is my letter" for whoever holds its number and secret code.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { mayRead, mayReadAcknowledgment, mayReadQueue, mayReadRegister } from '../domain/letter-access.ts';
import type { Letter, LetterEvent } from '../domain/letter.ts';
import type { Register } from '../domain/letter-number.ts';
import { lookupCodeMatches } from '../domain/lookup-code.ts';
import type { LetterStanding, OverdueLetter, RegistryOfficeRepository } from './registry-office.ports.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';

/** A letter as it is shown: the digest of its lookup code stays in storage. */
export type LetterView = Omit<Letter, 'lookupCodeDigest'>;

export function letterView(letter: Letter): LetterView {
  const { lookupCodeDigest: _digest, ...view } = letter;
  return view;
}

const notYours = () =>
  new ForbiddenError({
    ar: 'لا يطلع على هذه الرسالة إلا مكتب الضبط والمصالح المعنية ومرسلها',
    fr: "Ce courrier n'est lisible que par le bureau d'ordre, les services concernés et son expéditeur",
    en: 'This letter is read only by the registry office, the services concerned and its sender',
  });

async function readableLetter(repository: RegistryOfficeRepository, id: string, principal: Principal): Promise<Letter> {
  const letter = await repository.get(id);
  if (!letter) throw unknownLetter(id);
  if (!mayRead(letter, principal)) throw notYours();
  return letter;
}

/** The letter, naming its acknowledgment once issued: its number and the route that serves it. */
export type LetterWithAcknowledgment = LetterView & { readonly acknowledgment?: { readonly number: string; readonly issuedAt: string; readonly href: string } };

export async function getLetter(repository: RegistryOfficeRepository, id: string, principal: Principal): Promise<LetterWithAcknowledgment> {
  const found = await repository.getWithAcknowledgment(id);
  if (!found) throw unknownLetter(id);
  if (!mayRead(found.letter, principal)) throw notYours();
  const { acknowledgment } = found;
  // Named to those who may download it; the services that answer need no proof of receipt.
  if (!acknowledgment || !mayReadAcknowledgment(found.letter, principal)) return letterView(found.letter);
  return { ...letterView(found.letter), acknowledgment: { ...acknowledgment, href: `/v1/registry/letters/${id}/acknowledgment` } };
}

/** The letters of the caller's commune awaiting their opinion, approval or signature, oldest asked first. */
export async function lettersAwaitingSteps(repository: RegistryOfficeRepository, principal: Principal, page: PageRequest): Promise<Page<LetterView>> {
  if (!principal.commune) {
    throw new ForbiddenError({ ar: 'لا خطوات إلا لأعوان جماعة', fr: "Seul le personnel d'une commune a des étapes à donner", en: 'Only the staff of a commune have steps to give' });
  }
  const letters = await repository.awaitingSteps(principal.commune, principal.sub, page);
  return { ...letters, items: letters.items.map(letterView) };
}

export async function letterHistory(repository: RegistryOfficeRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<LetterEvent>> {
  await readableLetter(repository, id, principal);
  return repository.history(id, page);
}

export async function readRegister(
  repository: RegistryOfficeRepository,
  place: { readonly commune: string; readonly register: Register; readonly year: number },
  principal: Principal,
  page: PageRequest,
): Promise<Page<LetterView>> {
  if (!mayReadRegister(place.commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على سجلات الجماعة ${place.commune} إلا كتّاب مكتب ضبطها والمراقبون`,
      fr: `Les registres de la commune ${place.commune} ne sont lisibles que par ses agents du bureau d'ordre et les auditeurs`,
      en: `The registers of commune ${place.commune} are read only by its registry clerks and the auditors`,
    });
  }
  const letters = await repository.register(place.commune, place.register, place.year, page);
  return { ...letters, items: letters.items.map(letterView) };
}

/** A service's open letters, oldest routed first: the commune's clerks and agents, and auditors. */
export async function serviceQueue(
  repository: RegistryOfficeRepository,
  place: { readonly commune: string; readonly service: string },
  principal: Principal,
  page: PageRequest,
): Promise<Page<LetterView>> {
  if (!mayReadQueue(place.commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على رسائل مصالح الجماعة ${place.commune} إلا أعوانها والمراقبون`,
      fr: `Les courriers des services de ${place.commune} ne sont lisibles que par ses agents et les auditeurs`,
      en: `The letters of the services of ${place.commune} are read only by its staff and the auditors`,
    });
  }
  const letters = await repository.queue(place.commune, place.service, page);
  // A confidential letter shows only to those on its diffusion list (and the registry office, the auditors).
  return { ...letters, items: letters.items.filter((letter) => mayRead(letter, principal)).map(letterView) };
}

export type StandingView = Omit<LetterStanding, 'lookupCodeDigest'>;

/**
 * Where a letter stands, for whoever holds its number and secret code. A wrong code and an unknown number get the
 * same answer after the same work (one read, one comparison), so the route tells nothing about which numbers exist.
 */
export async function lookUpLetter(repository: RegistryOfficeRepository, request: { readonly commune: string; readonly number: string; readonly code: string }): Promise<StandingView> {
  const standing = await repository.standingOf(request.commune, request.number);
  if (!lookupCodeMatches(request.code, standing?.lookupCodeDigest) || !standing) {
    throw new NotFoundError({
      ar: 'لا توجد رسالة بهذا الرقم وهذا الرمز',
      fr: 'Aucun courrier ne porte ce numéro avec ce code',
      en: 'No letter has this number with this code',
    });
  }
  const { lookupCodeDigest: _digest, ...view } = standing;
  return view;
}

export interface OverdueByService {
  readonly service: string;
  readonly count: number;
  readonly letters: readonly Omit<OverdueLetter, 'service'>[];
}

/** A commune's letters open past their deadline, per service with their count, oldest due first: its staff, auditors. */
export async function overdueLetters(repository: RegistryOfficeRepository, commune: string, principal: Principal): Promise<{ readonly services: readonly OverdueByService[] }> {
  if (!mayReadQueue(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على الرسائل المتأخرة للجماعة ${commune} إلا أعوانها والمراقبون`,
      fr: `Les courriers en retard de ${commune} ne sont lisibles que par ses agents et les auditeurs`,
      en: `The overdue letters of ${commune} are read only by its staff and the auditors`,
    });
  }
  const byService = new Map<string, Omit<OverdueLetter, 'service'>[]>();
  for (const { service, ...letter } of await repository.overdue(commune)) byService.set(service, [...(byService.get(service) ?? []), letter]);
  return { services: [...byService].map(([service, letters]) => ({ service, count: letters.length, letters })) };
}
