// POST /v1/permits/{id}/deemed-approval (the applicant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { invokePermitDeemedApproval } from '../application/change-permit.use-cases.ts';
import { changedPermitView } from '../application/permit-queries.use-cases.ts';
import { invokeDeemedApprovalRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  invokeDeemedApprovalRoute,
  async ({ params, principal }) => {
    const at = now();
    // The certificate follows the approval's event (FollowPermitEvents).
    const permit = await invokePermitDeemedApproval(permitsDependencies, params.id, principal, at);
    return { body: changedPermitView(permit, at) };
  },
  { idempotency: idempotentRequests },
);
