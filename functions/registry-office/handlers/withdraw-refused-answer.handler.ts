// Consumes registry.answer-signature-refused: the letter whose answer was refused signature is assigned again.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { withdrawAnswerRefusedSignature } from '../application/letter-steps.use-cases.ts';
import { ANSWER_SIGNATURE_REFUSED } from '../domain/letter-steps.ts';

export const handler = eventConsumer({ [ANSWER_SIGNATURE_REFUSED]: (event) => withdrawAnswerRefusedSignature(registryOfficeDependencies.repository, event, now()) });
