// A letter the registry office classified as a complaint opens a complaint, its two clocks started at the registry's
// receipt instant (not at this consumption, which may come later). Delivered at least once: the complaint is
// named after the letter, so a redelivery meets the first write.
import type { LetterClassified } from '../../registry-office/public.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { Complaint } from '../domain/complaint.ts';
import { fileComplaintAs } from './file-complaint.use-case.ts';
import type { ComplaintsDependencies } from './complaints.ports.ts';

/** The registry office hands letters over; it is the actor of the complaint's opening. */
const REGISTRY_OFFICE = { sub: 'registry-office', role: 'system' } as const;

/**
 * The category a letter's complaint opens in: `autre` where the commune has it, else its last category. The letter
 * says only that it is a complaint; the unit reads it and qualifies it.
 */
function letterCategory(categories: readonly { readonly code: string }[]): string {
  return (categories.find((category) => category.code === 'autre') ?? categories[categories.length - 1]!).code;
}

export async function openFromLetter(dependencies: ComplaintsDependencies, letter: LetterClassified, now: Date): Promise<Complaint | undefined> {
  if (letter.category !== 'complaint') return undefined;
  const id = idFromIdempotencyKey(REGISTRY_OFFICE.sub, letter.letterId);
  const { settings } = await dependencies.repository.loadSettings(letter.commune);
  const { complaint } = await fileComplaintAs(
    dependencies,
    id,
    {
      commune: letter.commune,
      kind: 'reclamation',
      category: letterCategory(settings.categories),
      // Events of version 1 carried no subject: the letter's number stands for it.
      text: letter.subject ?? `Courrier ${letter.number}`,
      channel: 'registry-office',
      letter: { letterId: letter.letterId, number: letter.number, ...(letter.sender && { sender: letter.sender }) },
      ...(letter.lodgedBy && { complainant: letter.lodgedBy }),
    },
    REGISTRY_OFFICE,
    { receivedAt: new Date(letter.receivedAt), now },
    (existing) => existing.letter?.letterId === letter.letterId,
  );
  return complaint;
}
