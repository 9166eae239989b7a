// POST /v1/registry/letters/{id}/dispatch (clerk of the letter's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { dispatchOutgoingLetter } from '../application/letter-steps.use-cases.ts';
import { dispatchLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  dispatchLetterRoute,
  async ({ params, body, principal }) => ({ body: await dispatchOutgoingLetter(registryOfficeDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
