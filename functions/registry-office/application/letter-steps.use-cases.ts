// The steps of a letter's diffusion list and what follows its answer, each checked against who asks and the
// letter's state and written with its history event on the version read: an opinion, an approval or a refusal
// (those the list names), the signature of the answer (the commune's president or the delegate named), the
// dispatch of an outgoing letter (a clerk), a change of priority that moves the deadline (a clerk).
import type { Principal } from '../../shared/auth/principal.ts';
import { clerkOf, signerOf, staffOf } from '../domain/letter-access.ts';
import { changePriority, changesPriority } from '../domain/letter-deadline.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { decideApproval, dispatchLetter, giveOpinion, refuseSignature, signLetter, withdrawRefusedAnswer, type AnswerSignatureRefused, type DispatchRequest } from '../domain/letter-steps.ts';
import type { Priority } from '../domain/letter.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';
import { changed } from './change-letter.use-cases.ts';
import { letterView, type LetterView } from './letter-queries.use-cases.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

export function giveLetterOpinion(repository: RegistryOfficeRepository, id: string, opinion: string, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => giveOpinion(letter, opinion, staffOf(letter, principal), now));
}

/** A refusal says why (400 otherwise); an approval's reason, if any, is kept with it. */
export interface ApprovalRequest {
  readonly decision: 'approved' | 'refused';
  readonly reason?: string;
}

export function decideLetterApproval(repository: RegistryOfficeRepository, id: string, request: ApprovalRequest, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => decideApproval(letter, request, staffOf(letter, principal), now));
}

export function signOutgoingLetter(repository: RegistryOfficeRepository, id: string, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => signLetter(letter, signerOf(letter, principal), now));
}

/** Those who may sign it refuse, saying why: the answer is cancelled, and its letter goes back to its recipient. */
export function refuseOutgoingSignature(repository: RegistryOfficeRepository, id: string, reason: string, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => refuseSignature(letter, reason, signerOf(letter, principal), now));
}

/** Consumes `registry.answer-signature-refused`: the answered letter is assigned again (once: a redelivery finds it so). */
export async function withdrawAnswerRefusedSignature(repository: RegistryOfficeRepository, event: DomainEvent, now: Date): Promise<void> {
  const refusal = event.data as unknown as AnswerSignatureRefused;
  const letter = await repository.get(refusal.incomingId);
  const made = letter && withdrawRefusedAnswer(letter, refusal, now);
  if (made) await repository.save(made);
}

export function dispatchOutgoingLetter(repository: RegistryOfficeRepository, id: string, request: DispatchRequest, principal: Principal, now: Date): Promise<LetterView> {
  return changed(repository, id, now, (letter) => dispatchLetter(letter, request, clerkOf(letter.commune, principal), now));
}

/**
 * The deadline is counted again from the receipt instant with the new priority's period and the holidays of the
 * receipt's year and the next, as at the registration; its workflow follows the new version's event. Setting the
 * priority a letter has changes nothing: so a retry is safe without idempotency records of its own.
 */
export async function changeLetterPriority(repository: RegistryOfficeRepository, id: string, priority: Priority, principal: Principal, now: Date): Promise<LetterView> {
  const letter = await repository.get(id);
  if (!letter) throw unknownLetter(id);
  const by = clerkOf(letter.commune, principal);
  // At that priority already (a retry of the same request, or someone quicker): nothing to count again.
  if (!changesPriority(letter, priority)) return letterView(letter);
  const { settings, holidays } = await repository.deadlineBasis(letter.commune, [letter.year, letter.year + 1]);
  const made = changePriority({ ...letter, clock: letter.clock! }, priority, settings.processingDays, holidays, by, now);
  await repository.save(made);
  return letterView(made.letter);
}
