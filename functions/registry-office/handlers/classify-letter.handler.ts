// POST /v1/registry/letters/{id}/classification (clerk of the letter's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { classifyRegisteredLetter } from '../application/change-letter.use-cases.ts';
import { classifyLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  classifyLetterRoute,
  async ({ params, body, principal }) => ({ body: await classifyRegisteredLetter(registryOfficeDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
