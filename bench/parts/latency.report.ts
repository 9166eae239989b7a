// The latency part's rows, from the durations sampled per route; routes the scenario does not reach are listed as
// not measured (the part has no budget).
import { scenarioCoverage, type NotMeasured, type ServiceFunction } from '../core/coverage.ts';
import type { Row } from '../core/results.ts';
import { percentile, round } from '../core/stats.ts';

export type RouteSamples = ReadonlyMap<string, { readonly functionId: string; readonly durations: readonly number[] }>;

export function latencyReport(functions: readonly ServiceFunction[], samples: RouteSamples): { rows: Row[]; notMeasured: NotMeasured[] } {
  const rows: Row[] = [...samples].map(([routeKey, { functionId, durations }]) => ({
    route: routeKey,
    function: functionId,
    samples: durations.length,
    'p50 ms': round(percentile(durations, 50), 1),
    'p99 ms': round(percentile(durations, 99), 1),
    'max ms': round(Math.max(...durations), 1),
  }));
  const routeFunctions = functions.filter((fn) => fn.route);
  const coverage = scenarioCoverage(routeFunctions, new Set([...samples.values()].map((sample) => sample.functionId)));
  const notMeasured = routeFunctions
    .filter((fn) => !coverage.reached(fn))
    .map((fn) => ({ subject: `latency, ${fn.route!.method} ${fn.route!.path}`, reason: coverage.notMeasuredReason(fn) ?? 'the scenario of its service does not call it' }));
  return { rows, notMeasured };
}
