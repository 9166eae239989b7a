// GET /v1/transparency/requests/{id}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { getRequest } from '../application/request-queries.use-cases.ts';
import { getRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(getRequestRoute, async ({ params, principal }) => ({ body: await getRequest(transparencyDependencies.repository, params.id, principal, now()) }));
