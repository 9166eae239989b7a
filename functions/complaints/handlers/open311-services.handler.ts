// GET /open311/v2/services.json (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { open311Services } from '../application/open311.use-cases.ts';
import { open311ServicesRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311ServicesRoute, async ({ query, language }) => ({ body: await open311Services(complaintsDependencies.repository, query.jurisdiction_id, language) }));
