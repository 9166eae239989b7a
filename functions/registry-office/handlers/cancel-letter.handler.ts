// POST /v1/registry/letters/{id}/cancel (clerk of the letter's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { cancelRegisteredLetter } from '../application/change-letter.use-cases.ts';
import { cancelLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  cancelLetterRoute,
  async ({ params, body, principal }) => ({ body: await cancelRegisteredLetter(registryOfficeDependencies.repository, params.id, body.reason, principal, now()) }),
  { idempotency: idempotentRequests },
);
