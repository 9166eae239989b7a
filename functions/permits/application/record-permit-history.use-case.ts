// What a permit change records beside the permit, from its event: the history entry (append-only, one per version)
// and the figures' overdue marker. The change itself is one write of the permit, which carries its events; this
// consumer completes it a moment later, once per event however often the event is delivered.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { EVERY_PERMIT_EVENT, type PermitChanged, type PermitEventName } from '../domain/permit-events.ts';
import type { PermitsRepository } from './permits.ports.ts';

/** The subscription of the history's consumer: the event of every change. */
export const RECORDED_PERMIT_EVENTS: readonly PermitEventName[] = EVERY_PERMIT_EVENT;

export function recordPermitChange(repository: Pick<PermitsRepository, 'recordChange'>, event: DomainEvent<PermitChanged>): Promise<void> {
  return repository.recordChange(event);
}
