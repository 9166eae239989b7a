// POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers (secretariat, president): declares a paper with
// its SHA-256, size and type; answers its upload URL.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { papersDependencies } from '../adapters/agenda-papers.dependencies.ts';
import { declareAgendaPaper } from '../application/agenda-papers.use-cases.ts';
import { declarePaperRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  declarePaperRoute,
  async ({ params, body, principal }) => ({ status: 201, body: await declareAgendaPaper(papersDependencies, params.body, params.id, Number(params.number), body, principal, now()) }),
  { idempotency: idempotentRequests },
);
