// GET /v1/transparency/tariffs/{commune} (public): the commune's tariff of reproduction and sending costs
import { httpHandler } from '../../shared/http/http-handler.ts';
import { costsRepository } from '../adapters/costs.dependencies.ts';
import { readTariff } from '../application/reproduction-costs.use-cases.ts';
import { getTariffRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(getTariffRoute, async ({ params }) => ({ body: await readTariff(costsRepository, params.commune) }));
