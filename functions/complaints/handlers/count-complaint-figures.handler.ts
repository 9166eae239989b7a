// Consumes the complaints' complaint.counted events: each adds to its collectivity's open figures, once.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { countComplaintEvent } from '../application/complaint-figures.use-cases.ts';
import { COMPLAINT_COUNTED } from '../domain/complaint-figures.ts';

export const handler = eventConsumer({ [COMPLAINT_COUNTED]: (event) => countComplaintEvent(complaintsDependencies.repository, event) });
