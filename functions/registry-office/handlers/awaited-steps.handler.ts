// GET /v1/registry/steps (the caller's own queue of opinions, approvals and signatures)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { lettersAwaitingSteps } from '../application/letter-queries.use-cases.ts';
import { awaitedStepsRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(awaitedStepsRoute, async ({ query, principal }) => ({ body: await lettersAwaitingSteps(registryOfficeDependencies.repository, principal, query) }));
