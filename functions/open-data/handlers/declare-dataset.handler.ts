// POST /v1/transparency/datasets (agent of the commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { openDataDependencies } from '../adapters/open-data.dependencies.ts';
import { declare } from '../application/catalogue.use-cases.ts';
import { declareDatasetRoute } from '../schemas/datasets.schema.ts';

export const handler = httpHandler(declareDatasetRoute, async ({ body, principal, idempotencyKey }) => ({
  status: 201,
  body: await declare(openDataDependencies, body, principal, { now: now(), ...(idempotencyKey && { idempotencyKey }) }),
}));
