// GET /v1/transparency/figures/{commune}/{year} (public): the annual figures of the commune's requests
import { httpHandler } from '../../shared/http/http-handler.ts';
import { requestFiguresRepository } from '../adapters/request-figures.dependencies.ts';
import { requestFigures } from '../application/request-figures.use-cases.ts';
import { requestFiguresRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(requestFiguresRoute, async ({ params }) => ({ body: await requestFigures(requestFiguresRepository, params.commune, params.year) }));
