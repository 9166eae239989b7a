// GET /v1/complaints/{id} (its complainant, the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { getComplaint } from '../application/complaint-queries.use-cases.ts';
import { getComplaintRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(getComplaintRoute, async ({ params, principal }) => ({ body: await getComplaint(complaintsDependencies.repository, params.id, principal) }));
