// Consumes the permits context's counted events: each adds to its commune's month of the permit figures (once), and
// the commune's published permit-figures dataset has its files generated again and its catalogue written.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { COUNTED_EVENTS, type PermitChanged } from '../../permits/public.ts';
import { fedDatasetsDependencies } from '../adapters/fed-datasets.dependencies.ts';
import { followPermitFigures } from '../application/fed-datasets.use-cases.ts';

const follow = (event: DomainEvent) => followPermitFigures(fedDatasetsDependencies, event as DomainEvent<PermitChanged>, now());

export const handler = eventConsumer(Object.fromEntries(COUNTED_EVENTS.map((type) => [type, follow])));
