// A complaint answered: the complainants of the complaints the unit qualified as its duplicates are told its
// answer too, as their qualification promised, out of the answer's transaction.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { answerToldToDuplicates } from '../domain/complaint-duplicates.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';

export async function shareAnswerWithDuplicates(repository: ComplaintsRepository, event: DomainEvent): Promise<void> {
  const { complaintId } = event.data as { complaintId: string };
  const original = await repository.get(complaintId);
  if (!original?.answer) return;
  const told = answerToldToDuplicates(original, await repository.duplicatesOf(complaintId));
  if (told.length > 0) await repository.emit(told);
}
