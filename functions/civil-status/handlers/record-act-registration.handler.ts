// Consumes the civil-status table's registration events: each new act's first action, search entries and
// parent-link requests.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { recordActRegistration } from '../application/civil-status.use-cases.ts';
import { ACT_REGISTERED, type ActRegistered } from '../domain/act-events.ts';

export const handler = eventConsumer({
  [ACT_REGISTERED]: (event: DomainEvent) => recordActRegistration(civilStatusRepository, event as DomainEvent<ActRegistered>),
});
