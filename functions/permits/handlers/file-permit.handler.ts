// POST /v1/permits (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { filePermitApplication } from '../application/file-permit.use-case.ts';
import { changedPermitView } from '../application/permit-queries.use-cases.ts';
import { filePermitRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  filePermitRoute,
  async ({ body, principal, idempotencyKey }) => {
    const filedAt = now();
    const permit = await filePermitApplication(permitsDependencies, { applicant: principal.sub, ...body, ...(idempotencyKey && { idempotencyKey }) }, filedAt);
    // The receipt, the applicant's proof for invoking silence, is signed, rendered and stored by the consumer of the
    // filing's event (FollowPermitEvents) within moments: a failure there is retried, and filing loads no renderer.
    return { status: 201, body: changedPermitView(permit, filedAt), headers: { location: `/v1/permits/${permit.id}` } };
  },
  { idempotency: idempotentRequests },
);
