// GET /v1/transparency/complaints/{commune} (its president, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { complaintQueue } from '../application/request-queries.use-cases.ts';
import { complaintQueueRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(complaintQueueRoute, async ({ params, query, principal }) => ({
  body: await complaintQueue(transparencyDependencies.repository, params.commune, principal, query),
}));
