// GET /v1/permits/{id}/access-log (the applicant, staff of the commune): who read which document, newest first.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { permitDocumentReads } from '../application/permit-queries.use-cases.ts';
import { permitAccessLogRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitAccessLogRoute, async ({ params, query, principal }) => ({
  body: await permitDocumentReads(permitsDependencies.repository, params.id, principal, query),
}));
