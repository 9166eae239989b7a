// GET /v1/stats/permits?commune=&from=&to= (commune staff, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { permitStats } from '../application/permit-queries.use-cases.ts';
import { permitStatsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitStatsRoute, async ({ query, principal }) => ({
  body: await permitStats(permitsDependencies.repository, principal, query),
}));
