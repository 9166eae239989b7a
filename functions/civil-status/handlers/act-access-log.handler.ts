// GET /v1/civil-status/acts/{id}/access-log (auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { actAccessLog } from '../application/civil-status.use-cases.ts';
import { actAccessLogRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(actAccessLogRoute, async ({ params, query }) => ({
  body: await actAccessLog(civilStatusRepository, params.id, query),
}));
