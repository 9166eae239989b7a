// Consumes the registry office's registry.letter-classified: a letter classified as an access-to-information
// request opens one, its clock from the letter's registry receipt instant.
import { LETTER_CLASSIFIED, type LetterClassified } from '../../registry-office/public.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { openFromRegistryLetter } from '../application/open-request.use-cases.ts';

export const handler = eventConsumer({
  [LETTER_CLASSIFIED]: async (event) => {
    await openFromRegistryLetter(transparencyDependencies, event.data as LetterClassified, now());
  },
});
