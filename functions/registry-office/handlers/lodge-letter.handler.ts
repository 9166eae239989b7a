// POST /v1/registry/online-letters (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { registerIncomingLetter } from '../application/register-letter.use-case.ts';
import { letterView } from '../application/letter-queries.use-cases.ts';
import { lodgeLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(lodgeLetterRoute, async ({ body, principal, idempotencyKey }) => {
  const { letter, lookupCode } = await registerIncomingLetter(
    registryOfficeDependencies,
    { ...body, register: 'incoming', channel: 'online', lodgedBy: principal.sub, confidentiality: 'normal', priority: 'normal' },
    { sub: principal.sub, role: 'citizen' },
    { now: now(), ...(idempotencyKey && { idempotencyKey }) },
  );
  return { status: 201, body: { ...letterView(letter), ...(lookupCode && { lookupCode }) }, headers: { location: `/v1/registry/letters/${letter.id}` } };
});
