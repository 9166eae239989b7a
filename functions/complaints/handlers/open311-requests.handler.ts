// GET /open311/v2/requests.json (public); the next page's address in the Link header.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { publicPhotoLinks } from '../adapters/photos.dependencies.ts';
import { open311Requests } from '../application/open311.use-cases.ts';
import { open311RequestsRoute } from '../schemas/open311.schema.ts';

export const handler = httpHandler(open311RequestsRoute, async ({ query, language, event }) => {
  const { page_size, cursor, ...filters } = query;
  const page = await open311Requests(complaintsDependencies.repository, publicPhotoLinks, filters, language, { limit: page_size, ...(cursor && { cursor }) }, now());
  const next = page.nextCursor && new URLSearchParams({ ...event.queryStringParameters, cursor: page.nextCursor });
  return { body: page.items, ...(next && { headers: { link: `</open311/v2/requests.json?${next.toString()}>; rel="next"` } }) };
});
