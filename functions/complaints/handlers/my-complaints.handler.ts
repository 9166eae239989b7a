// GET /v1/complaints/mine (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { myComplaints } from '../application/complaint-queries.use-cases.ts';
import { myComplaintsRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(myComplaintsRoute, async ({ query, principal }) => ({ body: await myComplaints(complaintsDependencies.repository, principal, query) }));
