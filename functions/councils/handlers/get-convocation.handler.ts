// GET /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { readConvocation } from '../application/convocation.use-cases.ts';
import { getConvocationRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  getConvocationRoute,
  async ({ params, principal }) => ({ body: await readConvocation(councilsRepository, params.body, params.id, Number(params.round), params.member, principal) }),
);
