// GET /v1/complaints/queues/{commune} (its complaints officers, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { unitQueue } from '../application/complaint-queries.use-cases.ts';
import { unitQueueRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(unitQueueRoute, async ({ params, query, principal }) => ({ body: await unitQueue(complaintsDependencies.repository, params.commune, principal, query) }));
