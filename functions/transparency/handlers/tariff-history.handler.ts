// GET /v1/transparency/tariffs/{commune}/history (admin, auditor, agents of the commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { costsRepository } from '../adapters/costs.dependencies.ts';
import { tariffHistory } from '../application/reproduction-costs.use-cases.ts';
import { tariffHistoryRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(tariffHistoryRoute, async ({ params, query, principal }) => ({ body: await tariffHistory(costsRepository, params.commune, principal, query) }));
