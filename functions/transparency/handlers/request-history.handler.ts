// GET /v1/transparency/requests/{id}/history
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { requestHistory } from '../application/request-queries.use-cases.ts';
import { requestHistoryRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(requestHistoryRoute, async ({ params, query, principal }) => ({
  body: await requestHistory(transparencyDependencies.repository, params.id, principal, query),
}));
