// Consumes the permits table's change events: each change's history entry and the figures' overdue marker.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { RECORDED_PERMIT_EVENTS, recordPermitChange } from '../application/record-permit-history.use-case.ts';
import type { PermitChanged } from '../domain/permit-events.ts';

export const handler = eventConsumer(
  Object.fromEntries(RECORDED_PERMIT_EVENTS.map((type) => [type, (event: DomainEvent) => recordPermitChange(permitsDependencies.repository, event as DomainEvent<PermitChanged>)])),
);
