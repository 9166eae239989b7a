// Cancelling a registered letter (registered twice, or by mistake): it keeps its number, which is never given
// again, and stays in the register with the reason.
import type { Principal } from '../../shared/auth/principal.ts';
import { NotFoundError } from '../../shared/errors/domain-errors.ts';
import { clerkOf } from '../domain/letter-access.ts';
import { cancelLetter } from '../domain/letter.ts';
import { letterView, type LetterView } from './letter-queries.use-cases.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

export async function cancelRegisteredLetter(repository: RegistryOfficeRepository, id: string, reason: string, principal: Principal, now: Date): Promise<LetterView> {
  const letter = await repository.get(id);
  if (!letter) throw new NotFoundError({ ar: `لا توجد رسالة ${id}`, fr: `Aucun courrier ${id}`, en: `No letter ${id}` });
  const change = cancelLetter(letter, reason, clerkOf(letter.commune, principal), now);
  await repository.save(change);
  return letterView(change.letter);
}
