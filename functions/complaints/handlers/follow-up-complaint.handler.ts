// POST /v1/complaints/follow-up (public, throttled)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { followUp } from '../application/complaint-queries.use-cases.ts';
import { followUpRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(followUpRoute, async ({ body }) => ({ body: await followUp(complaintsDependencies.repository, body.token) }));
