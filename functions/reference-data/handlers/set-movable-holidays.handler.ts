// PUT /v1/holidays/{year} (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { setMovableHolidays } from '../application/holidays.use-cases.ts';
import { setMovableHolidaysRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(setMovableHolidaysRoute, async ({ params, body, principal }) => ({
  body: await setMovableHolidays(referenceDataRepository, {
    year: params.year,
    dates: body.holidays,
    ...(body.movedToNeighbouringYear && { movedToNeighbouringYear: body.movedToNeighbouringYear }),
    ...(body.expectedVersion !== undefined && { expectedVersion: body.expectedVersion }),
    by: principal.sub,
    at: now(),
  }),
}), { idempotency: idempotentRequests });
