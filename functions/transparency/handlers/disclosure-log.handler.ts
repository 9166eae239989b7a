// GET /v1/transparency/disclosure-log/{commune} (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { disclosureLog } from '../application/request-queries.use-cases.ts';
import { disclosureLogRoute } from '../schemas/disclosure-log.schema.ts';

export const handler = httpHandler(disclosureLogRoute, async ({ params, query }) => ({ body: await disclosureLog(transparencyDependencies.repository, params.commune, query) }));
