// GET /v1/permits
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { listPermits } from '../application/permit-queries.use-cases.ts';
import { listPermitsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(listPermitsRoute, async ({ query, principal }) => {
  const { status, ...page } = query;
  return { body: await listPermits(permitsDependencies.repository, principal, status ? { status } : {}, page, now()) };
});
