// What other contexts may use of the councils context: the table whose outbox carries its events (notifications
// read it), and the event each decision of a council emits (for the transparency catalogue, among others).
export { COUNCILS_TABLE_ID } from './adapters/councils-keys.ts';
export { DELIBERATION_ADOPTED, type DeliberationAdopted } from './domain/deliberation.ts';
