// PUT /v1/councils/bodies/{body} (admin, council secretariat)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { putBody } from '../application/body.use-cases.ts';
import { putBodyRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  putBodyRoute,
  async ({ params, body, principal }) => ({ body: await putBody(councilsRepository, params.body, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
