// Consumes the permits table's domain events: counters, deadline workflow starts and the applicant's papers.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { permitsWithWorkflow } from '../adapters/deadline-workflow.dependencies.ts';
import { permitPapers } from '../adapters/permit-papers.dependencies.ts';
import { FOLLOWED_PERMIT_EVENTS, followPermitEvent } from '../application/follow-permit-events.use-case.ts';
import type { PermitChanged } from '../domain/permit-events.ts';

const dependencies = { ...permitsWithWorkflow, papers: permitPapers };

export const handler = eventConsumer(
  Object.fromEntries(FOLLOWED_PERMIT_EVENTS.map((type) => [type, (event: DomainEvent) => followPermitEvent(dependencies, event as DomainEvent<PermitChanged>)])),
);
