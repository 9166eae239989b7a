// Sends the convocations of each meeting convened, from the session's event: each member's signed evidence and
// notification, once whatever the redeliveries.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { convocationSigner, noTimestampAuthority } from '../adapters/convocation-evidence.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { sendConvocations } from '../application/convocation.use-cases.ts';
import { SESSION_CONVENED } from '../domain/session.ts';

export const handler = eventConsumer({
  [SESSION_CONVENED]: async (event) => {
    await sendConvocations(councilsRepository, { signer: convocationSigner, timestamps: noTimestampAuthority }, event, now());
  },
});
