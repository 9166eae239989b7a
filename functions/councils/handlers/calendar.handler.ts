// GET /v1/councils/bodies/{body}/calendar.ics (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { calendarOf } from '../application/publication.use-cases.ts';
import { calendarRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  calendarRoute,
  async ({ event, params }) => ({ body: new TextEncoder().encode(await calendarOf(councilsRepository, params.body, event.requestContext.domainName ?? 'raqmana')), contentType: 'text/calendar; charset=utf-8' }),
);
