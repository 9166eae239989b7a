// POST /v1/transparency/requests/{id}/payment (the citizen who filed it): the costs due, charged then recorded
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { costsRepository, payments } from '../adapters/costs.dependencies.ts';
import { payDeliveryCosts } from '../application/reproduction-costs.use-cases.ts';
import { payCostsRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(payCostsRoute, async ({ params, principal }) => ({ body: await payDeliveryCosts(costsRepository, payments, params.id, principal, now()) }), { idempotency: idempotentRequests });
