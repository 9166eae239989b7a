// POST /v1/registry/letters/{id}/answer (the agent it is assigned to)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { answerIncomingLetter } from '../application/answer-letter.use-case.ts';
import { letterView } from '../application/letter-queries.use-cases.ts';
import { answerLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(answerLetterRoute, async ({ params, body, principal, idempotencyKey }) => {
  const outgoing = await answerIncomingLetter(registryOfficeDependencies, params.id, body, principal, { now: now(), ...(idempotencyKey && { idempotencyKey }) });
  return { status: 201, body: letterView(outgoing), headers: { location: `/v1/registry/letters/${outgoing.id}` } };
});
