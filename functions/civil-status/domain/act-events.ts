// The domain event of an act's registration, carried by the act item it writes (the outbox of a one-item change):
// what the registration's consumer writes beside the act, a moment later (its first action, its search entries and
// the requests to confirm its parent links).
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import type { ActAction, ActChange } from './civil-act.ts';
import type { MarginalNote } from './marginal-note.ts';

export const CIVIL_STATUS_EVENT_SOURCE = 'civil-status';
export const ACT_REGISTERED = 'civil-act.registered';

export interface ActRegistered extends Readonly<Record<string, unknown>> {
  readonly actId: string;
  /** The act's first action, its history entry. */
  readonly action: ActAction & { readonly version: number };
  /** The parent-link requests the act sends to the offices holding its parents' acts. */
  readonly linkRequests: readonly MarginalNote[];
}

export function actRegistered({ act, action }: ActChange, linkRequests: readonly MarginalNote[]): DomainEvent<ActRegistered> {
  return domainEvent<ActRegistered>({
    type: ACT_REGISTERED,
    source: CIVIL_STATUS_EVENT_SOURCE,
    subject: act.id,
    version: act.version,
    occurredAt: action.at,
    data: { actId: act.id, action, linkRequests },
  });
}
