// Dataset ids: derived from the declaring agent's Idempotency-Key (a retry names the same dataset), else random.
import { randomUUID } from 'node:crypto';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { OpenDataIdentifiers } from '../application/open-data.ports.ts';

export const openDataIdentifiers: OpenDataIdentifiers = {
  datasetIdFor: (callerSub, idempotencyKey) => (idempotencyKey ? idFromIdempotencyKey(`dataset:${callerSub}`, idempotencyKey) : randomUUID()),
};
