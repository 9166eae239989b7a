// GET /v1/registry/registers/{commune}/{register}/{year} (clerk of the commune, admin, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { readRegister } from '../application/letter-queries.use-cases.ts';
import { readRegisterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(readRegisterRoute, async ({ params, query, principal }) => ({
  body: await readRegister(registryOfficeDependencies.repository, params, principal, query),
}));
