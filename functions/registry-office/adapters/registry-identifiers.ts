// Letter ids (random, or derived from the caller's Idempotency-Key so that a retry names the same letter) and
// lookup codes (20 characters from the system's random source).
import { randomBytes, randomUUID } from 'node:crypto';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { RegistryIdentifiers } from '../application/registry-office.ports.ts';
import { lookupCodeOf } from '../domain/lookup-code.ts';

export const registryIdentifiers: RegistryIdentifiers = {
  newLetterId: () => randomUUID(),
  letterIdFor: idFromIdempotencyKey,
  // 256 is a multiple of 32: each byte's five low bits are uniform.
  newLookupCode: () => lookupCodeOf([...randomBytes(20)]),
};
