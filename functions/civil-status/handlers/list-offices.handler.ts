// GET /v1/civil-status/offices (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { listOffices } from '../adapters/offices.reader.ts';
import { listOfficesRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(listOfficesRoute, async ({ query }) => ({ body: await listOffices(query) }));
