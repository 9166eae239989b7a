// What other contexts may use of the complaints context: the table whose outbox carries its events (notifications
// read it), and the event that adds a complaint's change to the open figures, with what it counts (the open data
// publishes those figures as counted here).
export { COMPLAINTS_TABLE_ID } from './adapters/complaints-keys.ts';
export { COMPLAINT_COUNTED, FIGURE_COUNTERS as COMPLAINT_FIGURE_COUNTERS, type ComplaintCounted } from './domain/complaint-figures.ts';
