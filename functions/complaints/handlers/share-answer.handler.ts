// Consumes complaint.answered: the complainants of its duplicates are told the answer.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { shareAnswerWithDuplicates } from '../application/share-answer.use-case.ts';
import { COMPLAINT_EVENTS } from '../domain/complaint.ts';

export const handler = eventConsumer({ [COMPLAINT_EVENTS.answered]: (event) => shareAnswerWithDuplicates(complaintsDependencies.repository, event) });
