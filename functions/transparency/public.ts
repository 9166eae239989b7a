// What other contexts may use of the transparency context: the table whose outbox carries its events
// (notifications read it), and the event that adds a request's change to the annual figures, with what it counts
// (the open data publishes those figures as counted here).
export { TRANSPARENCY_TABLE_ID } from './adapters/transparency-keys.ts';
export { FIGURE_COUNTERS as REQUEST_FIGURE_COUNTERS, REQUEST_COUNTED, type RequestCounted } from './domain/request-figures.ts';
export { REFUSAL_GROUNDS } from './domain/refusal-grounds.ts';
