// GET /oparl/v1/files/{id}/download (public): a public item's paper, by a redirect to a short-lived link.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { papersDependencies } from '../adapters/agenda-papers.dependencies.ts';
import { publicPaperLink } from '../application/agenda-papers.use-cases.ts';
import { oparlPaperDownloadRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(oparlPaperDownloadRoute, async ({ params }) => ({
  status: 303,
  headers: { location: await publicPaperLink(papersDependencies, params.id), 'cache-control': 'no-store' },
}));
