// Request ids: random, derived from the caller's Idempotency-Key (a retry names the same request), or from the
// registry office letter a request is opened from (a redelivered hand-over names the same request).
import { randomUUID } from 'node:crypto';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { TransparencyIdentifiers } from '../application/transparency.ports.ts';

export const transparencyIdentifiers: TransparencyIdentifiers = {
  newRequestId: () => randomUUID(),
  requestIdFor: idFromIdempotencyKey,
  requestIdOfLetter: (letterId) => idFromIdempotencyKey('registry-office', letterId),
};
