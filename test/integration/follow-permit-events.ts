// The permits' event consumers as the integration tests run them: the real use cases behind the real stream.
import { FOLLOWED_PERMIT_EVENTS, followPermitEvent, type PermitsFollowing } from '../../functions/permits/application/follow-permit-events.use-case.ts';
import type { PermitChanged } from '../../functions/permits/domain/permit-events.ts';
import type { PermitsRepository } from '../../functions/permits/application/permits.ports.ts';
import { RECORDED_PERMIT_EVENTS, recordPermitChange } from '../../functions/permits/application/record-permit-history.use-case.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import type { TestConsumer } from './local-aws.ts';

const FUNCTION_ID = 'FollowPermitEvents';

export function permitEventsConsumer(dependencies: PermitsFollowing): TestConsumer {
  const description = permitsService.functions.find((fn) => fn.id === FUNCTION_ID);
  if (!description?.consumes) throw new Error(`permits declares no consumer ${FUNCTION_ID}`);
  return {
    functionId: FUNCTION_ID,
    consumes: description.consumes,
    handlers: Object.fromEntries(FOLLOWED_PERMIT_EVENTS.map((type) => [type, (event: DomainEvent) => followPermitEvent(dependencies, event as DomainEvent<PermitChanged>)])),
  };
}

const HISTORY_FUNCTION_ID = 'RecordPermitHistory';

/** The consumer that writes each change's history entry and overdue marker, as the permits service declares it. */
export function permitHistoryConsumer(repository: Pick<PermitsRepository, 'recordChange'>): TestConsumer {
  const description = permitsService.functions.find((fn) => fn.id === HISTORY_FUNCTION_ID);
  if (!description?.consumes) throw new Error(`permits declares no consumer ${HISTORY_FUNCTION_ID}`);
  return {
    functionId: HISTORY_FUNCTION_ID,
    consumes: description.consumes,
    handlers: Object.fromEntries(RECORDED_PERMIT_EVENTS.map((type) => [type, (event: DomainEvent) => recordPermitChange(repository, event as DomainEvent<PermitChanged>)])),
  };
}
