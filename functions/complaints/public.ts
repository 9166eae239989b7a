// What other contexts may use of the complaints context: the table whose outbox carries its events (notifications
// read it).
export { COMPLAINTS_TABLE_ID } from './adapters/complaints-keys.ts';
