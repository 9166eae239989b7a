// POST /v1/civil-status/acts (registrar). Under an Idempotency-Key the act is named after the caller and the key,
// so a retry meets the first act and answers with it: no idempotency records are written.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusDependencies } from '../adapters/civil-status.dependencies.ts';
import { registerCivilAct } from '../application/civil-status.use-cases.ts';
import { registerActRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(registerActRoute, async ({ body, principal, idempotencyKey }) => {
  const act = await registerCivilAct(civilStatusDependencies, body, principal, now(), idempotencyKey);
  return { status: 201, body: act, headers: { location: `/v1/civil-status/acts/${act.id}` } };
});
