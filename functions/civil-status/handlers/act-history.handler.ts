// GET /v1/civil-status/acts/{id}/history (registrar of its office, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { civilActHistory } from '../application/civil-status.use-cases.ts';
import { actHistoryRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(actHistoryRoute, async ({ params, query, principal }) => ({
  body: await civilActHistory(civilStatusRepository, params.id, principal, query),
}));
