// GET /v1/permits/{id}/history
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { permitHistory } from '../application/permit-queries.use-cases.ts';
import { permitHistoryRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitHistoryRoute, async ({ params, query, principal }) => ({
  body: await permitHistory(permitsDependencies.repository, params.id, principal, query),
}));
