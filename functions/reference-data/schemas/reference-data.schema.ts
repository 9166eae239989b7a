// zod schemas and route contracts of the reference-data API.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { bilingualNameSchema } from '../../shared/i18n/bilingual-name.schema.ts';
import { MOVABLE_HOLIDAY_CODES } from '../domain/holiday-calendar.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Reference data'];
const code = codeSchema;
const isoDate = lazyValue(() => z.iso.date());
const year = lazyValue(() => decimalInteger({ min: 1900, max: 2200 }));

const territorySchema = lazyValue(() => z.object({ code: z.string(), ar: z.string(), fr: z.string() }));

export const communeSchema = lazyValue(() => z.object({
  code: z.string(),
  names: bilingualNameSchema,
  kind: z.enum(['urban', 'rural']),
  province: territorySchema(),
  region: territorySchema(),
  civilStatusOffices: z.array(z.object({ code: z.string(), names: bilingualNameSchema })),
}));

export const procedureSchema = lazyValue(() => z.object({
  code: z.string(),
  names: bilingualNameSchema,
  category: z.enum(['urbanism', 'economic']),
  period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
  deemedApproval: z.enum(['on-request', 'automatic', 'none']),
  legalBasis: z.string(),
}));

export const holidayCalendarSchema = lazyValue(() => z.object({
  year: z.int(),
  movableConfirmed: z.boolean(),
  version: z.int(),
  holidays: z.array(
    z.object({
      date: isoDate(),
      code: z.string(),
      names: bilingualNameSchema,
      kind: z.enum(['fixed', 'movable']),
      estimated: z.boolean(),
    }),
  ),
}));

const movableHolidayDateSchema = lazyValue(() => z.strictObject({ code: z.enum(MOVABLE_HOLIDAY_CODES), date: isoDate() }));
const movedToNeighbouringYearSchema = lazyValue(() => z.array(z.enum(MOVABLE_HOLIDAY_CODES)).check(z.maxLength(MOVABLE_HOLIDAY_CODES.length), z.describe('Holidays estimated within 3 days of New Year that moon sighting put in the neighbouring year')));

export const movableHolidaysRecordSchema = lazyValue(() => z.object({
  year: z.int(),
  dates: z.array(movableHolidayDateSchema()),
  movedToNeighbouringYear: z.optional(movedToNeighbouringYearSchema()),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
}));

const problem = PROBLEM_RESPONSE;
const listQuery = lazyValue(() => z.strictObject(paginationQuery));

export const listCommunesRoute = defineRoute({
  operationId: 'listCommunes',
  method: 'GET',
  path: '/v1/communes',
  summary: 'Communes served by the platform, with their civil-status offices',
  tags: TAGS,
  access: 'public',
  query: listQuery,
  responses: { 200: { description: 'A page of communes', schema: () => pageSchema(communeSchema()) }, 400: problem },
});

export const getCommuneRoute = defineRoute({
  operationId: 'getCommune',
  method: 'GET',
  path: '/v1/communes/{code}',
  summary: 'One commune',
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ code }),
  responses: { 200: { description: 'The commune', schema: communeSchema }, 400: problem, 404: problem },
});

export const listProceduresRoute = defineRoute({
  operationId: 'listProcedures',
  method: 'GET',
  path: '/v1/procedures',
  summary: 'Catalogue of procedures with their legal decision period and deemed-approval policy',
  tags: TAGS,
  access: 'public',
  query: listQuery,
  responses: { 200: { description: 'A page of procedures', schema: () => pageSchema(procedureSchema()) }, 400: problem },
});

export const getProcedureRoute = defineRoute({
  operationId: 'getProcedure',
  method: 'GET',
  path: '/v1/procedures/{code}',
  summary: 'One procedure of the catalogue',
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ code }),
  responses: { 200: { description: 'The procedure', schema: procedureSchema }, 400: problem, 404: problem },
});

export const getHolidaysRoute = defineRoute({
  operationId: 'getHolidays',
  method: 'GET',
  path: '/v1/holidays',
  summary: 'Public holidays of a year (this year by default); unconfirmed movable ones are marked estimated',
  tags: TAGS,
  access: 'public',
  query: () => z.strictObject({ year: z.optional(year()) }),
  responses: { 200: { description: 'The holiday calendar of the year', schema: holidayCalendarSchema }, 400: problem },
});

export const setMovableHolidaysRoute = defineRoute({
  operationId: 'setMovableHolidays',
  method: 'PUT',
  path: '/v1/holidays/{year}',
  summary:
    "Confirm a year's movable (Hijri) holidays as announced after moon sighting: every one of the year, each with all its days (1 Muharram 1 day; Mawlid, Eid al-Fitr and Eid al-Adha 2 days); an incomplete set is refused (400)",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: () => z.strictObject({ year: year() }),
  body: () => z.strictObject({
    holidays: z.array(movableHolidayDateSchema()).check(z.maxLength(20)),
    movedToNeighbouringYear: z.optional(movedToNeighbouringYearSchema()),
    expectedVersion: z.optional(z.int().check(z.gte(0))),
  }),
  responses: {
    200: { description: 'The new holiday calendar of the year', schema: holidayCalendarSchema },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
    422: problem,
  },
});

export const listHolidayHistoryRoute = defineRoute({
  operationId: 'listHolidayHistory',
  method: 'GET',
  path: '/v1/holidays/{year}/history',
  summary: "Every version of a year's movable holidays, newest first, with who set them and when",
  tags: TAGS,
  access: ['admin', 'auditor'],
  params: () => z.strictObject({ year: year() }),
  query: listQuery,
  responses: {
    200: { description: 'A page of versions', schema: () => pageSchema(movableHolidaysRecordSchema()) },
    400: problem,
    401: problem,
    403: problem,
  },
});
