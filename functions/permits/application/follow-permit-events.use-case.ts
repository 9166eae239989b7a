// What follows a permit change, out of its transaction: its counters join the figures, and a change that (re)starts
// the clock hands the permit to a deadline workflow. Both are idempotent, as events may be delivered twice.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { CLOCK_STARTING_EVENTS, COUNTED_EVENTS, type PermitChanged, type PermitEventName } from '../domain/permit-events.ts';
import type { PermitsWithWorkflow } from './file-permit.use-case.ts';

/** Every permit event something follows: the subscription of the function that follows them. */
export const FOLLOWED_PERMIT_EVENTS: readonly PermitEventName[] = [...new Set([...COUNTED_EVENTS, ...CLOCK_STARTING_EVENTS])];

export async function followPermitEvent(dependencies: PermitsWithWorkflow, event: DomainEvent<PermitChanged>): Promise<void> {
  const type = event.type as PermitEventName;
  if (COUNTED_EVENTS.includes(type)) await dependencies.repository.count(event);
  // The workflow named after the version re-reads the permit: a start for a version whose clock no longer runs just ends.
  if (event.data.startsWorkflow) await dependencies.workflow.watch(event.data.permitId, event.data.version);
}
