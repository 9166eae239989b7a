// POST /v1/complaints (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { fileOnline } from '../application/file-complaint.use-case.ts';
import { fileComplaintRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(fileComplaintRoute, async ({ body, principal, idempotencyKey }) => {
  const complaint = await fileOnline(complaintsDependencies, body, principal.sub, { now: now(), ...(idempotencyKey && { idempotencyKey }) });
  return { status: 201, body: complaint, headers: { location: `/v1/complaints/${complaint.id}` } };
});
