// POST /v1/registry/letters/{id}/closure (its recipient, a clerk of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { closeAssignedLetter } from '../application/change-letter.use-cases.ts';
import { closeLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  closeLetterRoute,
  async ({ params, body, principal }) => ({ body: await closeAssignedLetter(registryOfficeDependencies.repository, params.id, body.note, principal, now()) }),
  { idempotency: idempotentRequests },
);
