// Consumes the permits table's domain events: counters and deadline workflow starts.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { permitsWithWorkflow } from '../adapters/deadline-workflow.dependencies.ts';
import { FOLLOWED_PERMIT_EVENTS, followPermitEvent } from '../application/follow-permit-events.use-case.ts';
import type { PermitChanged } from '../domain/permit-events.ts';

export const handler = eventConsumer(
  Object.fromEntries(FOLLOWED_PERMIT_EVENTS.map((type) => [type, (event: DomainEvent) => followPermitEvent(permitsWithWorkflow, event as DomainEvent<PermitChanged>)])),
);
