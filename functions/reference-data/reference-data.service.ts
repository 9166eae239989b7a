// The reference-data service: communes, holidays and the procedures catalogue, read by every other context.
import type { ServiceDescription } from '../shared/service-description.ts';
import { REFERENCE_TABLE, REFERENCE_TABLE_ID } from './adapters/reference-keys.ts';
import {
  getCommuneRoute,
  getHolidaysRoute,
  getProcedureRoute,
  listCommunesRoute,
  listHolidayHistoryRoute,
  listProceduresRoute,
  setMovableHolidaysRoute,
} from './schemas/reference-data.schema.ts';

const handlers = 'functions/reference-data/handlers';
const readsReference = { [REFERENCE_TABLE_ID]: 'read' } as const;

export const referenceDataService: ServiceDescription = {
  name: 'reference-data',
  tables: [REFERENCE_TABLE],
  functions: [
    { id: 'ListCommunes', entry: `${handlers}/list-communes.handler.ts`, route: listCommunesRoute, tables: readsReference },
    { id: 'GetCommune', entry: `${handlers}/get-commune.handler.ts`, route: getCommuneRoute, tables: readsReference },
    { id: 'ListProcedures', entry: `${handlers}/list-procedures.handler.ts`, route: listProceduresRoute, tables: readsReference },
    { id: 'GetProcedure', entry: `${handlers}/get-procedure.handler.ts`, route: getProcedureRoute, tables: readsReference },
    { id: 'GetHolidays', entry: `${handlers}/get-holidays.handler.ts`, route: getHolidaysRoute, tables: readsReference },
    {
      id: 'SetMovableHolidays',
      entry: `${handlers}/set-movable-holidays.handler.ts`,
      route: setMovableHolidaysRoute,
      tables: { [REFERENCE_TABLE_ID]: 'write' },
    },
    {
      id: 'ListHolidayHistory',
      entry: `${handlers}/list-holiday-history.handler.ts`,
      route: listHolidayHistoryRoute,
      tables: readsReference,
    },
    {
      id: 'SeedReferenceData',
      entry: `${handlers}/seed-reference-data.handler.ts`,
      runsOnDeploy: true,
      tables: { [REFERENCE_TABLE_ID]: 'write' },
      timeoutSeconds: 60,
    },
  ],
};
