// Consumes reference data's holidays.changed: counts the running request deadlines over that year again.
import { HOLIDAYS_CHANGED, type HolidaysChanged } from '../../reference-data/public.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { logger } from '../../shared/observability/observability.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { recountRequestDeadlines } from '../application/request-deadline.use-cases.ts';

export const handler = eventConsumer({
  [HOLIDAYS_CHANGED]: async (event: DomainEvent) => {
    const data = event.data as HolidaysChanged;
    const result = await recountRequestDeadlines(transparencyDependencies.repository, data, now());
    logger.info('information request deadlines recounted', { year: data.year, version: data.version, ...result });
  },
});
