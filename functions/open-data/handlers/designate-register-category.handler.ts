// PUT /v1/transparency/registers/{commune}/{category} (president of the commune): a category's owner and periodicity
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { publicationRegister } from '../adapters/publication-register.dependencies.ts';
import { designateCategory } from '../application/publication-register.use-cases.ts';
import { designateCategoryRoute } from '../schemas/catalogue.schema.ts';

export const handler = httpHandler(
  designateCategoryRoute,
  async ({ params, body, principal }) => ({ body: await designateCategory(publicationRegister, params.commune, params.category, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
