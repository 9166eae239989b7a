// GET /open311/v2/requests/{service_request_id}.json (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { publicPhotoLinks } from '../adapters/photos.dependencies.ts';
import { open311RequestById } from '../application/open311.use-cases.ts';
import { open311RequestRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311RequestRoute, async ({ params, query, language }) => ({
  body: await open311RequestById(complaintsDependencies.repository, query.jurisdiction_id, params.request_file, language, publicPhotoLinks),
}));
