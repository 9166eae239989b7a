// POST /v1/transparency/datasets/{id}/approval (the president of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { openDataDependencies } from '../adapters/open-data.dependencies.ts';
import { approve } from '../application/catalogue.use-cases.ts';
import { approveDatasetRoute } from '../schemas/datasets.schema.ts';

export const handler = httpHandler(approveDatasetRoute, async ({ params, principal }) => ({ body: await approve(openDataDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
