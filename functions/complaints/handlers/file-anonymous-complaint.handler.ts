// POST /v1/complaints/anonymous (public, throttled; where the commune allows it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { fileAnonymously } from '../application/file-complaint.use-case.ts';
import { fileAnonymousComplaintRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(fileAnonymousComplaintRoute, async ({ body, idempotencyKey }) => ({
  status: 201,
  body: await fileAnonymously(complaintsDependencies, body, { now: now(), ...(idempotencyKey && { idempotencyKey }) }),
}));
