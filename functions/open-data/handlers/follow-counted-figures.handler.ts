// Consumes the counted events of the contexts whose figures the fed datasets publish (the permits', the complaints'
// and the access-to-information requests'): each adds to its commune's row of its feed (once), and the commune's
// published dataset of that feed has its files generated again and its catalogue written.
import { COMPLAINT_COUNTED, type ComplaintCounted } from '../../complaints/public.ts';
import { COUNTED_EVENTS, type PermitChanged } from '../../permits/public.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { REQUEST_COUNTED, type RequestCounted } from '../../transparency/public.ts';
import { fedDatasetsDependencies } from '../adapters/fed-datasets.dependencies.ts';
import { followComplaintFigures, followPermitFigures, followRequestFigures } from '../application/fed-datasets.use-cases.ts';

const followPermit = (event: DomainEvent) => followPermitFigures(fedDatasetsDependencies, event as DomainEvent<PermitChanged>, now());

export const handler = eventConsumer({
  ...Object.fromEntries(COUNTED_EVENTS.map((type) => [type, followPermit])),
  [COMPLAINT_COUNTED]: (event) => followComplaintFigures(fedDatasetsDependencies, event as DomainEvent<ComplaintCounted>, now()),
  [REQUEST_COUNTED]: (event) => followRequestFigures(fedDatasetsDependencies, event as DomainEvent<RequestCounted>, now()),
});
