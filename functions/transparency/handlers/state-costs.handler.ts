// POST /v1/transparency/requests/{id}/costs (agent of its commune): the delivery's costs from the tariff in force
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { costsRepository } from '../adapters/costs.dependencies.ts';
import { stateDeliveryCosts } from '../application/reproduction-costs.use-cases.ts';
import { stateCostsRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(stateCostsRoute, async ({ params, body, principal }) => ({ body: await stateDeliveryCosts(costsRepository, params.id, body, principal, now()) }), { idempotency: idempotentRequests });
