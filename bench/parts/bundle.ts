// Part 1: every function's bundle, built with the deployed esbuild settings: its size, and its cold start (a
// fresh process that loads it and handles one realistic event against the local emulators) against a bare
// hello-world handler bundled and started the same way in the same run. Budgets: under 500 KB, under 2x bare.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildBuildOptions } from '../../lib/constructs/function-bundling.ts';
import { REPOSITORY_ROOT, platformFunctions, type BenchPlatform } from '../core/bench-platform.ts';
import { isResourceEnvironmentName, resourceEnvironmentNames, type FunctionDescription } from '../../functions/shared/service-description.ts';
import { numberFlag, type Budget, type BenchPart, type Row } from '../core/results.ts';
import { runScenario } from '../core/scenario.ts';
import { median, round } from '../core/stats.ts';
import { coldStart, type ColdStart } from '../cold/cold-start.ts';

const SIZE_BUDGET_KB = 500;
const COLD_RATIO_BUDGET = 2;
const OUT_DIR = join(REPOSITORY_ROOT, 'bench/.out');
const BARE = { id: 'BareHelloWorld', entry: 'bench/cold/hello-world.handler.ts', service: 'bench' };

export interface BuiltBundle {
  readonly file: string;
  readonly kilobytes: number;
}

/** Bundles a handler exactly as `cdk synth` does; the bundle (not its source map) is what Lambda loads. */
export async function bundleFunction(id: string, entry: string): Promise<BuiltBundle> {
  const file = join(OUT_DIR, 'bundles', id, 'index.mjs');
  await build(esbuildBuildOptions(join(REPOSITORY_ROOT, entry), file, REPOSITORY_ROOT));
  return { file, kilobytes: statSync(file).size / 1024 };
}

/** The first event each function was sent in the scenario (a successful one when there is), without its Idempotency-Key. */
async function realisticEvents(bench: BenchPlatform, log: (line: string) => void): Promise<Map<string, unknown>> {
  const events = new Map<string, { event: unknown; ok: boolean }>();
  const call = bench.caller({
    observe: ({ functionId, event, reply }) => {
      const ok = reply.status < 400;
      if (events.get(functionId)?.ok) return;
      const { 'idempotency-key': _replayed, ...headers } = event.headers;
      events.set(functionId, { event: { ...event, headers }, ok });
    },
  });
  log('bundle: running the scenario once for realistic events');
  const { workflowEvents } = await runScenario(call, bench.local.clock);
  const all = new Map([...events].map(([id, { event }]) => [id, event]));
  for (const [id, event] of Object.entries(workflowEvents)) all.set(id, event);
  return all;
}

export const bundlePart: BenchPart = {
  name: 'bundle',
  description: 'bundle size and cold start per function vs a bare handler (--runs=5, --sizes-only, --only=Id,Id)',
  async run(context) {
    const runs = numberFlag(context, 'runs', 5);
    const only = context.flags.get('only')?.split(',');
    const functions = platformFunctions.filter((fn) => !only || only.includes(fn.id));
    const sizes = new Map<string, BuiltBundle>();
    for (const fn of [BARE, ...functions]) sizes.set(fn.id, await bundleFunction(fn.id, fn.entry));
    context.log(`bundle: ${functions.length} functions bundled`);

    const cold = new Map<string, ColdStart[]>();
    if (!context.flags.has('sizes-only')) {
      const bench = await context.platform();
      const events = await realisticEvents(bench, context.log);
      // The child processes reach the emulators through the endpoints the platform put in this environment.
      const environmentOf = (fn: typeof BARE | FunctionDescription) => {
        const granted = new Set(fn === BARE ? [] : resourceEnvironmentNames(fn as FunctionDescription));
        return Object.fromEntries(Object.entries(process.env).filter(([name]) => !isResourceEnvironmentName(name) || granted.has(name)));
      };
      for (let run = 1; run <= runs; run++) {
        context.log(`bundle: cold starts, run ${run}/${runs}`);
        // Each run starts the bare handler and then every function, so drift on the machine touches them alike.
        for (const fn of [BARE, ...functions]) {
          const event = fn.id === BARE.id ? {} : events.get(fn.id);
          if (event === undefined) throw new Error(`The scenario sent no event to ${fn.id}: add one, every function is measured`);
          const measured = await coldStart({
            bundle: sizes.get(fn.id)!.file,
            event,
            functionName: fn.id,
            workDir: join(OUT_DIR, 'events'),
            // What the stack sets on the function (lib/constructs/api-function.ts): only the resources it is granted,
            // so a module that reads another one fails here as it would in Lambda; over the local endpoints.
            environment: { ...environmentOf(fn), POWERTOOLS_SERVICE_NAME: fn.service, POWERTOOLS_METRICS_NAMESPACE: 'Raqmana', NODE_OPTIONS: '--enable-source-maps' },
          });
          cold.set(fn.id, [...(cold.get(fn.id) ?? []), measured]);
        }
      }
    }

    const bareMs = median((cold.get(BARE.id) ?? []).map((start) => start.handledMs));
    const rows: Row[] = [];
    const budgets: Budget[] = [];
    for (const fn of [BARE, ...functions]) {
      const { kilobytes } = sizes.get(fn.id)!;
      const starts = cold.get(fn.id) ?? [];
      const handledMs = median(starts.map((start) => start.handledMs));
      const ratio = handledMs / bareMs;
      rows.push({
        function: fn.id,
        service: fn.service,
        KB: round(kilobytes),
        ...(starts.length > 0 && {
          'load ms': round(median(starts.map((start) => start.loadedMs))),
          'cold ms': round(handledMs),
          'x bare': round(ratio, 2),
          'cold event': [...new Set(starts.map((start) => start.outcome))].join(','),
        }),
      });
      if (fn.id === BARE.id) continue;
      budgets.push({ subject: `bundle size, ${fn.id}`, limit: `< ${SIZE_BUDGET_KB} KB`, measured: round(kilobytes), pass: kilobytes < SIZE_BUDGET_KB });
      if (starts.length > 0) {
        budgets.push({ subject: `cold start, ${fn.id}`, limit: `< ${COLD_RATIO_BUDGET}x bare`, measured: `${round(ratio, 2)}x`, pass: ratio < COLD_RATIO_BUDGET });
      }
    }
    const kilobytes = functions.map((fn) => sizes.get(fn.id)!.kilobytes);
    return {
      part: 'bundle',
      method:
        `esbuild with the settings of lib/constructs/function-bundling.ts (minified ESM, node24); KB = 1024 bytes of index.mjs. ` +
        `Cold start = a fresh \`node\` (${process.version}, NODE_OPTIONS=--enable-source-maps as deployed) loading the bundle and handling the first ` +
        `event the scenario sent that function (Idempotency-Key removed, so a replay runs the use case; a state that moved on may answer 4xx after the same reads), ` +
        `median of ${runs} runs, against DynamoDB Local, s3rver and the local Step Functions endpoint`,
      rows,
      budgets,
      summary: {
        'bundles under 500 KB': `${kilobytes.filter((size) => size < SIZE_BUDGET_KB).length} of ${kilobytes.length}`,
        'median bundle KB': round(median(kilobytes)),
        ...(cold.size > 0 && { 'bare cold start ms': round(bareMs) }),
      },
    };
  },
};
