// GET /v1/transparency/my-requests (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { myRequests } from '../application/request-queries.use-cases.ts';
import { myRequestsRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(myRequestsRoute, async ({ query, principal }) => ({ body: await myRequests(transparencyDependencies.repository, principal, query) }));
