// POST /v1/registry/letters/{id}/redirection (its recipient, a clerk of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { redirectAssignedLetter } from '../application/change-letter.use-cases.ts';
import { redirectLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  redirectLetterRoute,
  async ({ params, body, principal }) => ({ body: await redirectAssignedLetter(registryOfficeDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
