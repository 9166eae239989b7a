// After a filing, out of its transaction: the open complaints it may repeat are looked for and suggested to the
// unit on the complaint (one Query per grid cell the radius touches, one for the same text).
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { OPEN_STATUSES } from '../domain/complaint.ts';
import { cellsWithin, suggestDuplicates, textKey } from '../domain/complaint-duplicates.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';

/** How many times the suggestion is made again when the unit changed the complaint first (it acts at once, often). */
const ATTEMPTS = 3;

export async function suggestComplaintDuplicates(repository: ComplaintsRepository, event: DomainEvent, now: Date, attempt = 1): Promise<void> {
  const { complaintId } = event.data as { complaintId: string };
  const complaint = await repository.get(complaintId);
  // Handled already (a redelivery, or the unit was quicker): nothing to suggest any more.
  if (!complaint || complaint.suggestedDuplicates || !OPEN_STATUSES.includes(complaint.status)) return;
  const point = complaint.location?.point;
  const candidates = await repository.duplicateCandidates(complaint.commune, { category: complaint.category, cells: point ? cellsWithin(point, complaint.rules.duplicateRadiusMeters) : [] }, textKey(complaint.text));
  const suggestion = suggestDuplicates(complaint, candidates, now);
  if (!suggestion) return;
  try {
    await repository.save(suggestion);
  } catch (error) {
    if (error instanceof ConflictError && attempt < ATTEMPTS) return suggestComplaintDuplicates(repository, event, now, attempt + 1);
    throw error;
  }
}
