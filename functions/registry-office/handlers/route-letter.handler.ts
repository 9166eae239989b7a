// POST /v1/registry/letters/{id}/routing (clerk of the letter's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { routeRegisteredLetter } from '../application/change-letter.use-cases.ts';
import { routeLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  routeLetterRoute,
  async ({ params, body, principal }) => ({ body: await routeRegisteredLetter(registryOfficeDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
