// POST /v1/registry/letters/{id}/signature-refusal (the commune's president, or the delegate the list names)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { refuseOutgoingSignature } from '../application/letter-steps.use-cases.ts';
import { refuseSignatureRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  refuseSignatureRoute,
  async ({ params, body, principal }) => ({ body: await refuseOutgoingSignature(registryOfficeDependencies.repository, params.id, body.reason, principal, now()) }),
  { idempotency: idempotentRequests },
);
