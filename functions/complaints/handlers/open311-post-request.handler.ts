// POST /open311/v2/requests.json (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { fileOpen311Request } from '../application/open311.use-cases.ts';
import { open311PostRequestRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311PostRequestRoute, async ({ body, principal, idempotencyKey }) => ({
  status: 201,
  body: await fileOpen311Request(complaintsDependencies, body, principal.sub, { now: now(), ...(idempotencyKey && { idempotencyKey }) }),
}));
