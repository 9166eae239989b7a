// Permit ids (random, meaningless), receipt numbers (readable: commune, year, id) and certificate numbers
// (derived from the permit, so asking twice gives the same certificate).
import { randomUUID } from 'node:crypto';
import type { PermitIdentifiers } from '../application/permits.ports.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';

export const permitIdentifiers: PermitIdentifiers = {
  newPermitId: () => randomUUID(),
  permitIdFor: idFromIdempotencyKey,
  newDocumentId: () => randomUUID(),
  receiptNumber: (communeCode, filedAt, permitId) =>
    `RCP-${communeCode.toUpperCase()}-${moroccanDate(filedAt).slice(0, 4)}-${permitId.slice(0, 8).toUpperCase()}`,
  certificateNumber: (permit) => `CDA-${permit.commune.code.toUpperCase()}-${permit.id.slice(0, 8).toUpperCase()}`,
};
