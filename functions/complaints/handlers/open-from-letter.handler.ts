// Consumes the registry office's registry.letter-classified: a letter classified as a complaint opens one.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { LETTER_CLASSIFIED, type LetterClassified } from '../../registry-office/public.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { openFromLetter } from '../application/open-from-letter.use-case.ts';

export const handler = eventConsumer({
  [LETTER_CLASSIFIED]: async (event: DomainEvent) => {
    await openFromLetter(complaintsDependencies, event.data as LetterClassified, now());
  },
});
