// Consumes what follows an access-to-information request's outcome, as one reader of the table's stream (besides
// FollowTransparencyEvents and notifications): a refusal or partial answer has its letter signed, rendered and stored
// once, out of the answering transaction. A failed record fails the batch, and the stream delivers it again.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { refusalLetterPapers } from '../adapters/refusal-letter.dependencies.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { issueRefusalLetter } from '../application/refusal-letter.use-cases.ts';
import { REFUSAL_DECIDED } from '../domain/refusal-letter.ts';

export const handler = eventConsumer({
  [REFUSAL_DECIDED]: async (event) => {
    await issueRefusalLetter(transparencyDependencies.repository, refusalLetterPapers, event);
  },
});
