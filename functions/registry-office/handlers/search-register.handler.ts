// GET /v1/registry/search/{commune}/{year} (clerks and agents of the commune, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { searchRegister } from '../application/search-letters.use-cases.ts';
import { searchRegisterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(searchRegisterRoute, async ({ params, query, principal }) => {
  const { limit, cursor, ...criteria } = query;
  return { body: await searchRegister(registryOfficeDependencies.repository, { ...params, ...criteria }, principal, { limit, ...(cursor && { cursor }) }) };
});
