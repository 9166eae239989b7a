// GET /v1/stats/permits?commune=|province=|region=&from=&to=&format= (commune staff: their commune; admin, auditor: any scope)
import { CSV_CONTENT_TYPE, acceptsCsvFirst, toCsv } from '../../shared/http/csv.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { permitStats } from '../application/permit-stats.use-case.ts';
import { FIGURES_TABLE_HEADER, figuresTable } from '../domain/permit-figures.ts';
import { permitStatsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitStatsRoute, async ({ query, principal, event }) => {
  const { format, ...scope } = query;
  const figures = await permitStats(permitsDependencies.repository, principal, scope);
  const csv = format ? format === 'csv' : acceptsCsvFirst(event.headers?.accept);
  // The same URL answers JSON or CSV by its Accept header, so caches must key on it.
  const headers = { vary: 'accept' };
  return csv ? { body: toCsv(FIGURES_TABLE_HEADER, figuresTable(figures)), contentType: CSV_CONTENT_TYPE, headers } : { body: figures, headers };
});
