// PUT /v1/complaints/settings/{commune} (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { setComplaintSettings } from '../application/complaint-settings.use-cases.ts';
import { putSettingsRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(putSettingsRoute, async ({ params, body, principal }) => ({ body: await setComplaintSettings(complaintsDependencies.repository, params.commune, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
