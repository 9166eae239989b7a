// GET /v1/complaints/{id}/history (its complainant, the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { complaintHistory } from '../application/complaint-queries.use-cases.ts';
import { complaintHistoryRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(complaintHistoryRoute, async ({ params, query, principal }) => ({ body: await complaintHistory(complaintsDependencies.repository, params.id, principal, query) }));
