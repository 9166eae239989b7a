// GET /v1/stats/complaints/{commune}/{year} (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { complaintFigures } from '../application/complaint-figures.use-cases.ts';
import { complaintFiguresRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(complaintFiguresRoute, async ({ params }) => ({ body: await complaintFigures(complaintsDependencies.repository, params.commune, params.year) }));
