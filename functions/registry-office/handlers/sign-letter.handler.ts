// POST /v1/registry/letters/{id}/signature (the commune's president, or the delegate the list names)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { signOutgoingLetter } from '../application/letter-steps.use-cases.ts';
import { signLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  signLetterRoute,
  async ({ params, principal }) => ({ body: await signOutgoingLetter(registryOfficeDependencies.repository, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
