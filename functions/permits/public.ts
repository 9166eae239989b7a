// What other contexts may use of the permits context: the table whose outbox carries its domain events, the events
// that add to the figures and the rule by which they count (so a reader of the figures counts as permits does).
export { PERMITS_TABLE_ID } from './adapters/permit-keys.ts';
export { COUNTED_EVENTS, countedFigures, type CountedFigures, type PermitChanged } from './domain/permit-events.ts';
export { COUNTERS, type Counter, type Counters } from './domain/permit-figures.ts';
