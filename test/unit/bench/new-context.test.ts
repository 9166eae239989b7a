// A context added to the platform before the benchmark's scenario drives it (routes, a workflow task, no scenario)
// must not make the bench throw: every part that needs the scenario reports its figures as not measured, while a
// function the scenario of its own service skips is still a MISS.
import { describe, expect, it } from 'vitest';
import { functionsOf, scenarioCoverage, type ServiceFunction } from '../../../bench/core/coverage.ts';
import { emptyUsage } from '../../../bench/core/dynamodb-meter.ts';
import { formatNotMeasured } from '../../../bench/core/results.ts';
import { bundleReport, type BuiltBundle } from '../../../bench/parts/bundle.report.ts';
import { dataAccessReport } from '../../../bench/parts/data-access.report.ts';
import { latencyReport } from '../../../bench/parts/latency.report.ts';
import { platform } from '../../../functions/platform.ts';
import { defineRoute } from '../../../functions/shared/http/route-contract.ts';
import type { PlatformDescription } from '../../../functions/shared/service-description.ts';

const caseRoute = (method: 'GET' | 'POST', path: string, operationId: string) =>
  defineRoute({ operationId, method, path, summary: operationId, tags: ['Litigation'], access: ['citizen'], responses: { 200: { description: 'ok' } } });

/** Today's platform and one more service, with routes and a workflow task, that no scenario drives. */
const withLitigationCases: PlatformDescription = {
  ...platform,
  services: [
    ...platform.services,
    {
      name: 'litigation',
      functions: [
        { id: 'FileLitigationCase', entry: 'functions/litigation/handlers/file-case.handler.ts', route: caseRoute('POST', '/v1/litigation/cases', 'fileLitigationCase') },
        { id: 'GetLitigationCase', entry: 'functions/litigation/handlers/get-case.handler.ts', route: caseRoute('GET', '/v1/litigation/cases/{id}', 'getLitigationCase') },
        { id: 'CheckLitigationDeadline', entry: 'functions/litigation/handlers/check-case-deadline.handler.ts' },
      ],
    },
  ],
};
const functions = functionsOf(withLitigationCases);
const today = functions.filter((fn) => fn.service !== 'litigation');
const litigationCases = functions.filter((fn) => fn.service === 'litigation');
const routeKey = (fn: ServiceFunction) => `${fn.route!.method} ${fn.route!.path}`;
const todaysRoutes = today.filter((fn) => fn.route);

/** What the scenario measures of today's platform: one metered call per route, `except` the ones it skipped. */
function usagesOfToday(except: readonly string[] = []) {
  const usage = { ...emptyUsage(), requests: 1, operations: { GetItem: 1 }, writeCapacityUnits: 2 };
  return new Map(todaysRoutes.filter((fn) => !except.includes(fn.id)).map((fn) => [routeKey(fn), { functionId: fn.id, calls: [usage] }]));
}

describe('a context without a scenario', () => {
  it('is told apart from the services the scenario drives', () => {
    const coverage = scenarioCoverage(functions, new Set(today.map((fn) => fn.id)));

    expect(coverage.servicesWithoutScenario).toEqual(['litigation']);
    for (const fn of litigationCases) expect(coverage.notMeasuredReason(fn)).toMatch(/does not drive the litigation service/);
    expect(coverage.notMeasuredReason(today[0]!)).toBeUndefined();
  });

  it('leaves its routes not measured in the data-access part, whose budgets stay those of the driven services', () => {
    const { rows, budgets, notMeasured } = dataAccessReport(functions, usagesOfToday());

    expect(rows).toHaveLength(todaysRoutes.length);
    expect(notMeasured.map((entry) => entry.subject)).toEqual(['requests, POST /v1/litigation/cases', 'requests, GET /v1/litigation/cases/{id}']);
    expect(budgets.find((budget) => budget.subject.startsWith('routes the scenario drives'))).toMatchObject({ pass: true, measured: `${todaysRoutes.length} of ${todaysRoutes.length}` });
    expect(budgets.filter((budget) => budget.subject.includes('litigation/cases'))).toEqual([]);
  });

  it('does not hide a route the scenario of a driven service skips', () => {
    const skipped = todaysRoutes[0]!;
    const { budgets, notMeasured } = dataAccessReport(functions, usagesOfToday([skipped.id]));

    expect(budgets.find((budget) => budget.subject.startsWith('routes the scenario drives'))).toMatchObject({ pass: false, subject: expect.stringContaining(routeKey(skipped)) });
    expect(notMeasured.map((entry) => entry.subject)).not.toContain(`requests, ${routeKey(skipped)}`);
  });

  it('leaves its routes not measured in the latency part', () => {
    const samples = new Map(todaysRoutes.map((fn) => [routeKey(fn), { functionId: fn.id, durations: [3, 4, 5] }]));
    const { rows, notMeasured } = latencyReport(functions, samples);

    expect(rows).toHaveLength(todaysRoutes.length);
    expect(notMeasured.map((entry) => entry.subject)).toEqual(['latency, POST /v1/litigation/cases', 'latency, GET /v1/litigation/cases/{id}']);
  });

  it('has its bundles measured but its cold starts not measured, while a skipped function of a driven service misses', () => {
    const floor = { id: 'FloorGetItem', service: 'bench' };
    const sizes = new Map<string, BuiltBundle>([floor, ...functions].map((fn) => [fn.id, { file: `${fn.id}.mjs`, kilobytes: 300, kind: 'json' }]));
    const skipped = today[1]!;
    const reached = [floor, ...today].filter((fn) => fn.id !== skipped.id);
    const byFunction = new Map(reached.map((fn) => [fn.id, [{ loadedMs: 100, handledMs: fn === floor ? 200 : 240, cpuMs: fn === floor ? 150 : 180, outcome: '200' }]]));
    const coverage = scenarioCoverage(functions, new Set(reached.map((fn) => fn.id)));

    const { rows, budgets, notMeasured } = bundleReport({ floor, functions, sizes, coldStarts: { byFunction, coverage } });

    expect(rows).toHaveLength(functions.length + 1);
    for (const fn of litigationCases) expect(budgets).toContainEqual(expect.objectContaining({ subject: `bundle size, ${fn.id} (json)`, pass: true }));
    expect(notMeasured.map((entry) => entry.subject)).toEqual(litigationCases.map((fn) => `cold start, ${fn.id} (json)`));
    expect(rows.find((row) => row.function === 'FileLitigationCase')).toMatchObject({ 'cold ms': null, 'cold event': 'not measured' });
    expect(budgets.find((budget) => budget.subject === `cold start, ${skipped.id} (json)`)).toMatchObject({ pass: false, measured: 'no event' });
    expect(budgets.filter((budget) => !budget.pass).map((budget) => budget.subject)).toEqual([`cold start, ${skipped.id} (json)`]);
    expect(formatNotMeasured(notMeasured)).toMatch(/cold start, FileLitigationCase \(json\) +the scenario does not drive the litigation service yet/);
  });

  it('has nothing to report with --sizes-only, where no part of the figures needs the scenario', () => {
    const floor = { id: 'FloorGetItem', service: 'bench' };
    const sizes = new Map<string, BuiltBundle>([floor, ...functions].map((fn) => [fn.id, { file: `${fn.id}.mjs`, kilobytes: 300, kind: 'json' }]));

    const { budgets, notMeasured } = bundleReport({ floor, functions, sizes });

    expect(notMeasured).toEqual([]);
    expect(budgets).toHaveLength(functions.length);
  });
});
