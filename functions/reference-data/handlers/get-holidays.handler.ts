// GET /v1/holidays?year=
import { httpHandler } from '../../shared/http/http-handler.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { now } from '../../shared/time/time-source.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { getHolidayCalendar } from '../application/holidays.use-cases.ts';
import { getHolidaysRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(getHolidaysRoute, async ({ query }) => ({
  body: await getHolidayCalendar(referenceDataRepository, query.year ?? Number(moroccanDate(now()).slice(0, 4))),
}));
