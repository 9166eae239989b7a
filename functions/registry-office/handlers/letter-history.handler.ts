// GET /v1/registry/letters/{id}/history
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { letterHistory } from '../application/letter-queries.use-cases.ts';
import { letterHistoryRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(letterHistoryRoute, async ({ params, query, principal }) => ({
  body: await letterHistory(registryOfficeDependencies.repository, params.id, principal, query),
}));
