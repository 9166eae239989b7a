// What other contexts may use of the transparency context: the table whose outbox carries its events
// (notifications read it).
export { TRANSPARENCY_TABLE_ID } from './adapters/transparency-keys.ts';
