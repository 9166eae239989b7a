// GET /v1/registry/overdue/{commune} (clerks and agents of the commune, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { overdueLetters } from '../application/letter-queries.use-cases.ts';
import { overdueLettersRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(overdueLettersRoute, async ({ params, principal }) => ({ body: await overdueLetters(registryOfficeDependencies.repository, params.commune, principal) }));
