// GET /v1/transparency/queues/{commune} (agents of the commune, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { communeQueue } from '../application/request-queries.use-cases.ts';
import { communeQueueRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(communeQueueRoute, async ({ params, query, principal }) => ({
  body: await communeQueue(transparencyDependencies.repository, params.commune, principal, query),
}));
