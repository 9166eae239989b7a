// GET /v1/permits/{id}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { getPermit } from '../application/permit-queries.use-cases.ts';
import { getPermitRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(getPermitRoute, async ({ params, principal }) => ({
  body: await getPermit(permitsDependencies.repository, params.id, principal, now()),
}));
