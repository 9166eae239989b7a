// GET /v1/registry/letters/{id}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { getLetter } from '../application/letter-queries.use-cases.ts';
import { getLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(getLetterRoute, async ({ params, principal }) => ({ body: await getLetter(registryOfficeDependencies.repository, params.id, principal) }));
