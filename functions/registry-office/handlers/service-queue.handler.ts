// GET /v1/registry/queues/{commune}/{service} (clerks and agents of the commune, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { serviceQueue } from '../application/letter-queries.use-cases.ts';
import { serviceQueueRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(serviceQueueRoute, async ({ params, query, principal }) => ({
  body: await serviceQueue(registryOfficeDependencies.repository, params, principal, query),
}));
