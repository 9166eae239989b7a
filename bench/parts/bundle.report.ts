// The bundle part's figures and budgets: bundles under 500 KB (PDF renderers 1 MB); cold starts within 1.25x the
// floor (1.5x for functions that render PDFs or talk to S3). A bundle needs no scenario; a cold start needs the
// event the scenario sent the function: without one it is not measured (a service with no scenario yet) or
// missed (a function the scenario of its own service never reached).
import type { ColdStart } from '../cold/cold-start.ts';
import type { NotMeasured, ScenarioCoverage, ServiceFunction } from '../core/coverage.ts';
import type { Budget, Row } from '../core/results.ts';
import { median, round } from '../core/stats.ts';

/** What a function carries decides its budgets: a PDF renderer or an S3 client is heavy by nature. */
export type BundleKind = 'json' | 's3' | 'pdf';
const SIZE_BUDGET_KB: Record<BundleKind, number> = { json: 500, s3: 500, pdf: 1024 };
const COLD_RATIO_BUDGET: Record<BundleKind, number> = { json: 1.25, s3: 1.5, pdf: 1.5 };

export interface BuiltBundle {
  readonly file: string;
  readonly kilobytes: number;
  readonly kind: BundleKind;
}

export interface BundleMeasurements {
  /** The floor every cold start is compared with, then the functions measured. */
  readonly floor: { readonly id: string; readonly service: string };
  readonly functions: readonly ServiceFunction[];
  readonly sizes: ReadonlyMap<string, BuiltBundle>;
  /** Absent with --sizes-only: no cold start was taken. */
  readonly coldStarts?: { readonly byFunction: ReadonlyMap<string, readonly ColdStart[]>; readonly coverage: ScenarioCoverage };
}

export function bundleReport({ floor, functions, sizes, coldStarts }: BundleMeasurements) {
  const cold = coldStarts?.byFunction ?? new Map<string, readonly ColdStart[]>();
  const floorMs = median((cold.get(floor.id) ?? []).map((start) => start.handledMs));
  const floorCpuMs = median((cold.get(floor.id) ?? []).map((start) => start.cpuMs));
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  const notMeasured: NotMeasured[] = [];
  const row = (fn: { readonly id: string; readonly service: string }) => {
    const { kilobytes, kind } = sizes.get(fn.id)!;
    const starts = cold.get(fn.id) ?? [];
    const handledMs = median(starts.map((start) => start.handledMs));
    rows.push({
      function: fn.id,
      service: fn.service,
      kind,
      KB: round(kilobytes),
      ...(coldStarts && {
        'load ms': starts.length > 0 ? round(median(starts.map((start) => start.loadedMs))) : null,
        'cold ms': starts.length > 0 ? round(handledMs) : null,
        'x floor': starts.length > 0 ? round(handledMs / floorMs, 2) : null,
        'cpu ms': starts.length > 0 ? round(median(starts.map((start) => start.cpuMs))) : null,
        'cpu x floor': starts.length > 0 ? round(median(starts.map((start) => start.cpuMs)) / floorCpuMs, 2) : null,
        'cold event': starts.length > 0 ? [...new Set(starts.map((start) => start.outcome))].join(',') : 'not measured',
      }),
    });
    return { kilobytes, kind, starts, ratio: handledMs / floorMs };
  };
  row(floor);
  for (const fn of functions) {
    const { kilobytes, kind, starts, ratio } = row(fn);
    const sizeLimit = SIZE_BUDGET_KB[kind];
    budgets.push({ subject: `bundle size, ${fn.id} (${kind})`, limit: `< ${sizeLimit} KB`, measured: round(kilobytes), pass: kilobytes < sizeLimit });
    if (!coldStarts) continue;
    const subject = `cold start, ${fn.id} (${kind})`;
    const ratioLimit = `<= ${COLD_RATIO_BUDGET[kind]}x floor`;
    if (starts.length > 0) budgets.push({ subject, limit: ratioLimit, measured: `${round(ratio, 2)}x`, pass: ratio <= COLD_RATIO_BUDGET[kind] });
    else {
      const reason = coldStarts.coverage.notMeasuredReason(fn);
      if (reason) notMeasured.push({ subject, reason });
      else budgets.push({ subject, limit: ratioLimit, measured: 'no event', pass: false, note: 'the scenario of its service sent it no event: add one (bench/core/scenario.ts)' });
    }
  }
  const kilobytes = functions.map((fn) => sizes.get(fn.id)!.kilobytes);
  // The budget names HTTP routes, whose callers wait on the cold start; every function is held to it above,
  // and the two groups are counted apart here.
  const withinColdBudget = (group: readonly ServiceFunction[]) => {
    const measured = group.filter((fn) => (cold.get(fn.id) ?? []).length > 0);
    const within = measured.filter((fn) => median(cold.get(fn.id)!.map((start) => start.handledMs)) / floorMs <= COLD_RATIO_BUDGET[sizes.get(fn.id)!.kind]);
    return `${within.length} of ${measured.length}`;
  };
  const summary = {
    'bundles within their size budget': `${functions.filter((fn) => sizes.get(fn.id)!.kilobytes < SIZE_BUDGET_KB[sizes.get(fn.id)!.kind]).length} of ${functions.length}`,
    'median bundle KB': round(median(kilobytes)),
    'floor bundle KB': round(sizes.get(floor.id)!.kilobytes),
    ...(coldStarts && {
      'floor cold start ms': round(floorMs),
      'HTTP routes within their cold-start budget': withinColdBudget(functions.filter((fn) => fn.route !== undefined)),
      'consumers and tasks within it': withinColdBudget(functions.filter((fn) => fn.route === undefined)),
    }),
  };
  return { rows, budgets, notMeasured, summary };
}
