// PUT /v1/transparency/tariffs/{commune} (admin): a new version of the tariff, the one before kept
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { costsRepository } from '../adapters/costs.dependencies.ts';
import { setTariff } from '../application/reproduction-costs.use-cases.ts';
import { putTariffRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(putTariffRoute, async ({ params, body, principal }) => ({ body: await setTariff(costsRepository, params.commune, body, principal, now()) }), { idempotency: idempotentRequests });
