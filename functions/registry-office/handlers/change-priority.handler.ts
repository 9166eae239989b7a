// POST /v1/registry/letters/{id}/priority (clerk of the letter's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { changeLetterPriority } from '../application/letter-steps.use-cases.ts';
import { changePriorityRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(changePriorityRoute, async ({ params, body, principal }) => ({
  body: await changeLetterPriority(registryOfficeDependencies.repository, params.id, body.priority, principal, now()),
}));
