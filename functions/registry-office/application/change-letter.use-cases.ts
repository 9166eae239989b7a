// Changes of a registered letter, each checked against who asks and the letter's state, and written with its
// history event on the version read: classification and routing (clerk), redirection and closing (its recipient or
// a clerk), cancellation (clerk).
import type { Principal } from '../../shared/auth/principal.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';
import { clerkOf, recipientOrClerkOf } from '../domain/letter-access.ts';
import { askingNewSteps } from '../domain/letter-steps.ts';
import { cancelLetter, classifyLetter, closeLetter, redirectLetter, routeLetter, type Category, type Confidentiality, type DiffusionEntry, type Letter, type LetterChange } from '../domain/letter.ts';
import { letterView, type LetterView } from './letter-queries.use-cases.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

/** Reads the letter, makes the change `change` decides and writes it on the version read, telling whom it newly asks a step. */
export async function changed(repository: RegistryOfficeRepository, id: string, now: Date, change: (letter: Letter) => LetterChange): Promise<LetterView> {
  const letter = await repository.get(id);
  if (!letter) throw unknownLetter(id);
  const made = askingNewSteps(letter, change(letter), now);
  await repository.save(made);
  return letterView(made.letter);
}

export interface RoutingRequest {
  readonly service: string;
  readonly recipient: string;
  readonly copies?: readonly string[];
  readonly opinion?: readonly string[];
  readonly approval?: readonly string[];
  readonly signature?: readonly string[];
}

export function diffusionOf(request: RoutingRequest): DiffusionEntry[] {
  return [
    { mode: 'recipient', sub: request.recipient },
    ...(request.copies ?? []).map((sub) => ({ mode: 'copy' as const, sub })),
    ...(request.opinion ?? []).map((sub) => ({ mode: 'opinion' as const, sub })),
    ...(request.approval ?? []).map((sub) => ({ mode: 'approval' as const, sub })),
    ...(request.signature ?? []).map((sub) => ({ mode: 'signature' as const, sub })),
  ];
}

export function routeRegisteredLetter(repository: RegistryOfficeRepository, id: string, request: RoutingRequest, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => routeLetter(letter, request.service, diffusionOf(request), clerkOf(letter.commune, principal), now));
}

export function redirectAssignedLetter(repository: RegistryOfficeRepository, id: string, to: { readonly service: string; readonly recipient: string }, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => redirectLetter(letter, to, recipientOrClerkOf(letter, principal), now));
}

export function closeAssignedLetter(repository: RegistryOfficeRepository, id: string, note: string | undefined, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => closeLetter(letter, note, recipientOrClerkOf(letter, principal), now));
}

export function classifyRegisteredLetter(
  repository: RegistryOfficeRepository,
  id: string,
  classification: { readonly category: Category; readonly confidentiality: Confidentiality },
  principal: Principal,
  now: Date,
): Promise<LetterView> {
  return changed(repository, id, now, (letter) => classifyLetter(letter, classification, clerkOf(letter.commune, principal), now));
}

/** Cancelling (registered twice, or by mistake): the letter keeps its number, never given again, and stays in the register. */
export function cancelRegisteredLetter(repository: RegistryOfficeRepository, id: string, reason: string, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => cancelLetter(letter, reason, clerkOf(letter.commune, principal), now));
}
