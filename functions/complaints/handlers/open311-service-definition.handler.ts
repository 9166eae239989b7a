// GET /open311/v2/services/{service_code}.json (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { open311ServiceDefinition } from '../application/open311.use-cases.ts';
import { open311ServiceDefinitionRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311ServiceDefinitionRoute, async ({ params, query, language }) => ({
  body: await open311ServiceDefinition(complaintsDependencies.repository, query.jurisdiction_id, params.service_file, language),
}));
