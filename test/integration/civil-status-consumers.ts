// The civil-status consumer of registrations as the integration tests run it: the real use case behind the real stream.
import { recordActRegistration } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import type { CivilStatusRepository } from '../../functions/civil-status/application/civil-status.ports.ts';
import type { ActRegistered } from '../../functions/civil-status/domain/act-events.ts';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import type { TestConsumer } from './local-aws.ts';

const FUNCTION_ID = 'RecordCivilActRegistration';

export function actRegistrationConsumer(repository: CivilStatusRepository): TestConsumer {
  const description = civilStatusService.functions.find((fn) => fn.id === FUNCTION_ID);
  if (!description?.consumes) throw new Error(`civil-status declares no consumer ${FUNCTION_ID}`);
  return {
    functionId: FUNCTION_ID,
    consumes: description.consumes,
    handlers: Object.fromEntries(description.consumes.flatMap((subscription) => subscription.eventTypes).map((type) => [type, (event: DomainEvent) => recordActRegistration(repository, event as DomainEvent<ActRegistered>)])),
  };
}
