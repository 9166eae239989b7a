// GET /v1/transparency/registers/{commune} (public): what the commune must publish, each category's due date
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { publicationRegister } from '../adapters/publication-register.dependencies.ts';
import { readRegister } from '../application/publication-register.use-cases.ts';
import { publicationRegisterRoute } from '../schemas/catalogue.schema.ts';

export const handler = httpHandler(publicationRegisterRoute, async ({ params }) => ({ body: await readRegister(publicationRegister, params.commune, now()) }));
