// Permit ids (random, meaningless), receipt numbers (readable: commune, year, id) and certificate numbers
// (derived from the permit, so asking twice gives the same certificate).
import { randomUUID } from 'node:crypto';
import type { PermitIdentifiers } from '../application/permits.ports.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';

/**
 * The part of a permit id its papers' numbers carry: 12 hex digits (48 bits). With 8, a commune filing 10,000
 * permits a year had about a 1 % chance a year that two shared a number; with 12, about one in five million. The
 * register refuses a shared one if it ever happens. Numbers given before carry 8 digits and keep them.
 */
const numberPartOf = (permitId: string) => permitId.replace(/-/g, '').slice(0, 12).toUpperCase();

export const permitIdentifiers: PermitIdentifiers = {
  newPermitId: () => randomUUID(),
  permitIdFor: idFromIdempotencyKey,
  newDocumentId: () => randomUUID(),
  receiptNumber: (communeCode, filedAt, permitId) => `RCP-${communeCode.toUpperCase()}-${moroccanDate(filedAt).slice(0, 4)}-${numberPartOf(permitId)}`,
  certificateNumber: (permit) => `CDA-${permit.commune.code.toUpperCase()}-${numberPartOf(permit.id)}`,
};
