// POST /v1/registry/letters (clerk of the commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { registerIncomingLetter } from '../application/register-letter.use-case.ts';
import { letterView } from '../application/letter-queries.use-cases.ts';
import { clerkOf } from '../domain/letter-access.ts';
import { registerLetterRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(registerLetterRoute, async ({ body, principal, idempotencyKey }) => {
  const commune = principal.commune ?? '';
  const { letter, lookupCode } = await registerIncomingLetter(
    registryOfficeDependencies,
    { ...body, commune },
    clerkOf(commune, principal),
    { now: now(), ...(idempotencyKey && { idempotencyKey }) },
  );
  return { status: 201, body: { ...letterView(letter), ...(lookupCode && { lookupCode }) }, headers: { location: `/v1/registry/letters/${letter.id}` } };
});
