// Consumes letter.registered: signs, renders and stores the incoming letter's acknowledgment once, out of the
// registering transaction; a failed issue fails the batch, and the stream delivers the event again.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { acknowledgmentPapers } from '../adapters/acknowledgment.dependencies.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { issueAcknowledgment } from '../application/acknowledgment.use-cases.ts';
import { LETTER_REGISTERED } from '../domain/letter.ts';

export const handler = eventConsumer({
  [LETTER_REGISTERED]: async (event) => {
    await issueAcknowledgment(registryOfficeDependencies.repository, acknowledgmentPapers, event);
  },
});
