// GET /open311/v2/tokens/{token}.json (public): requests are created at once, so a token is the request's id.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { open311RequestById } from '../application/open311.use-cases.ts';
import { open311TokenRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311TokenRoute, async ({ params, query, language }) => {
  const [request] = await open311RequestById(complaintsDependencies.repository, query.jurisdiction_id, params.token_file, language);
  return { body: [{ service_request_id: request!.service_request_id, token: params.token_file }] };
});
