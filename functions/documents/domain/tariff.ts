// What a document costs and how long the office may take. The amounts are the platform's defaults, in
// centimes of dirham; a commune sets its own by its fiscal decision and changes them here.
import type { StatutoryPeriod } from '../../shared/statutory-clock/statutory-clock.ts';
import type { Delivery, DocumentKind } from './document-request.ts';

const FEES: Readonly<Record<DocumentKind, number>> = { 'birth-extract': 1_000, 'birth-full-copy': 2_000 };
/** Printing and keeping the document at the counter. */
const PICKUP_SURCHARGE = 500;

export function feeOf(kind: DocumentKind, delivery: Delivery): number {
  return FEES[kind] + (delivery === 'pickup' ? PICKUP_SURCHARGE : 0);
}

/** The office issues or rejects a reviewed request within three working days of the request. */
export const SERVICE_PERIOD: StatutoryPeriod = { days: 3, unit: 'working' };
