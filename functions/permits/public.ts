// What other contexts may use of the permits context: the table whose outbox carries its domain events.
export { PERMITS_TABLE_ID } from './adapters/permit-keys.ts';
