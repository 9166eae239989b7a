// Consumes complaint.filed: the open complaints a new one may repeat are suggested to its unit.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { suggestComplaintDuplicates } from '../application/suggest-duplicates.use-case.ts';
import { COMPLAINT_EVENTS } from '../domain/complaint.ts';

export const handler = eventConsumer({ [COMPLAINT_EVENTS.filed]: (event) => suggestComplaintDuplicates(complaintsDependencies.repository, event, now()) });
