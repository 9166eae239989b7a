// GET /v1/civil-status/search?name=&birthYear=&sex=&fatherName=&motherName= (registrar, national)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { searchCivilActs } from '../application/civil-status.use-cases.ts';
import { searchActsRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(searchActsRoute, async ({ query }) => ({
  body: { candidates: await searchCivilActs(civilStatusRepository, query) },
}));
