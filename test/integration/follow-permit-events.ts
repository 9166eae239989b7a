// The permits' event consumer as the integration tests run it: the real use case behind the real stream.
import { FOLLOWED_PERMIT_EVENTS, followPermitEvent, type PermitsFollowing } from '../../functions/permits/application/follow-permit-events.use-case.ts';
import type { PermitChanged } from '../../functions/permits/domain/permit-events.ts';
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
