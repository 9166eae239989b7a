// POST /v1/civil-status/acts (registrar)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusDependencies } from '../adapters/civil-status.dependencies.ts';
import { registerCivilAct } from '../application/civil-status.use-cases.ts';
import { registerActRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(
  registerActRoute,
  async ({ body, principal }) => {
    const act = await registerCivilAct(civilStatusDependencies, body, principal, now());
    return { status: 201, body: act, headers: { location: `/v1/civil-status/acts/${act.id}` } };
  },
  { idempotency: idempotentRequests },
);
