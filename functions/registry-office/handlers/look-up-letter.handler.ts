// POST /v1/registry/lookup (public, throttled): where is my letter
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { lookUpLetter } from '../application/letter-queries.use-cases.ts';
import { lookUpLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(lookUpLetterRoute, async ({ body }) => ({ body: await lookUpLetter(registryOfficeDependencies.repository, body) }));
