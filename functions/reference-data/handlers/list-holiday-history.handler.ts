// GET /v1/holidays/{year}/history (admin, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { listHolidayHistory } from '../application/holidays.use-cases.ts';
import { listHolidayHistoryRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(listHolidayHistoryRoute, async ({ params, query }) => ({
  body: await listHolidayHistory(referenceDataRepository, params.year, query),
}));
