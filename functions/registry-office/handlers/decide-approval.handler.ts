// POST /v1/registry/letters/{id}/approval (an approver the list names)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { decideLetterApproval } from '../application/letter-steps.use-cases.ts';
import { decideApprovalRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  decideApprovalRoute,
  async ({ params, body, principal }) => ({ body: await decideLetterApproval(registryOfficeDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
