// GET /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId} (members, staff, governor): a
// short-lived link, the read logged.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { papersDependencies } from '../adapters/agenda-papers.dependencies.ts';
import { readAgendaPaper } from '../application/agenda-papers.use-cases.ts';
import { readPaperRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(readPaperRoute, async ({ params, principal }) => ({
  body: await readAgendaPaper(papersDependencies, params.body, params.id, Number(params.number), params.paperId, principal, now()),
}));
