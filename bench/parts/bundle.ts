// Part 1: every function's bundle, built with the deployed esbuild settings: its size, and its cold start (a
// fresh process that loads it and handles one realistic event against the local emulators) against a floor
// bundled and started the same way in the same run: the raw DynamoDB client making one GetItem, the least a
// function that answers from DynamoDB must do. The budgets are in ./bundle.report.ts.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { esbuildBuildOptions } from '../../lib/constructs/function-bundling.ts';
import { writeGeneratedFiles } from '../../lib/generated-files.ts';
import { platform } from '../../functions/platform.ts';
import { GENERATED_FILES_DIR_ENV } from '../../functions/shared/generated-files.ts';
import { REPOSITORY_ROOT, platformFunctions, type BenchPlatform } from '../core/bench-platform.ts';
import { REFERENCE_TABLE_ID } from '../../functions/reference-data/adapters/reference-keys.ts';
import { isResourceEnvironmentName, resourceEnvironmentNames, tableEnvName, type FunctionDescription } from '../../functions/shared/service-description.ts';
import { scenarioCoverage, type ScenarioCoverage } from '../core/coverage.ts';
import { numberFlag, type BenchPart } from '../core/results.ts';
import { runScenario } from '../core/scenario.ts';
import { coldStart, type ColdStart } from '../cold/cold-start.ts';
import { bundleReport, type BuiltBundle, type BundleKind } from './bundle.report.ts';

const OUT_DIR = join(REPOSITORY_ROOT, 'bench/.out');
const FLOOR = { id: 'FloorGetItem', entry: 'bench/cold/floor.handler.ts', service: 'bench' };
/** How many functions are started between two starts of the floor. */
const FLOOR_EVERY = 10;

/**
 * Bundles a handler exactly as `cdk synth` does, its generated files beside it; the bundle (not its source map) is
 * what Lambda loads.
 */
async function bundleFunction(fn: Pick<FunctionDescription, 'id' | 'entry' | 'generatedFiles'>): Promise<BuiltBundle> {
  const file = join(OUT_DIR, 'bundles', fn.id, 'index.mjs');
  const { metafile } = await build({ ...esbuildBuildOptions(join(REPOSITORY_ROOT, fn.entry), file, REPOSITORY_ROOT), metafile: true });
  if (fn.generatedFiles) writeGeneratedFiles(fn.generatedFiles(platform), dirname(file));
  const inputs = Object.keys(metafile.inputs);
  const carries = (module: string) => inputs.some((input) => input.includes(`node_modules/${module}/`));
  const kind: BundleKind = carries('pdf-lib') ? 'pdf' : carries('@aws-sdk/client-s3') ? 's3' : 'json';
  return { file, kilobytes: statSync(file).size / 1024, kind };
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
  description: 'bundle size and cold start per function vs a one-GetItem floor (--runs=5, --sizes-only, --only=Id,Id)',
  async run(context) {
    const runs = numberFlag(context, 'runs', 5);
    const only = context.flags.get('only')?.split(',');
    const functions = platformFunctions.filter((fn) => !only || only.includes(fn.id));
    const sizes = new Map<string, BuiltBundle>();
    for (const fn of [FLOOR, ...functions]) sizes.set(fn.id, await bundleFunction(fn));
    context.log(`bundle: ${functions.length} functions bundled`);

    const cold = new Map<string, ColdStart[]>();
    let coverage: ScenarioCoverage | undefined;
    if (!context.flags.has('sizes-only')) {
      const bench = await context.platform();
      const events = await realisticEvents(bench, context.log);
      // A function the scenario sent no event is reported (bundle.report.ts), not started.
      coverage = scenarioCoverage(platformFunctions, new Set(events.keys()));
      const started = functions.filter((fn) => events.has(fn.id));
      // The child processes reach the emulators through the endpoints the platform put in this environment.
      const environmentOf = (fn: typeof FLOOR | FunctionDescription) => {
        const granted = new Set(fn === FLOOR ? [] : resourceEnvironmentNames(fn as FunctionDescription));
        // A bundle reads its generated files beside it, as in Lambda, not where the local platform wrote its own.
        const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== GENERATED_FILES_DIR_ENV && (!isResourceEnvironmentName(name) || granted.has(name))));
        // The floor reads a key that is not there from a table that is: one real GetItem round trip.
        return fn === FLOOR ? { ...environment, FLOOR_TABLE: process.env[tableEnvName(REFERENCE_TABLE_ID)] } : environment;
      };
      // The floor is started again before every FLOOR_EVERY functions of each run, and compared by the median of
      // all its starts: a single start of it per run (the first process after a pause) was seen 40 % slower than
      // the next ones, which moved every ratio of that run. One start before all is discarded (caches warming).
      const order = started.flatMap((fn, index) => (index % FLOOR_EVERY === 0 ? [FLOOR, fn] : [fn]));
      for (let run = 0; run <= runs; run++) {
        context.log(run === 0 ? 'bundle: warming up' : `bundle: cold starts, run ${run}/${runs}`);
        for (const fn of run === 0 ? [FLOOR] : order) {
          const measured = await coldStart({
            bundle: sizes.get(fn.id)!.file,
            event: fn.id === FLOOR.id ? {} : events.get(fn.id),
            functionName: fn.id,
            workDir: join(OUT_DIR, 'events'),
            // What the stack sets on the function (lib/constructs/api-function.ts): only the resources it is granted,
            // so a module that reads another one fails here as it would in Lambda; over the local endpoints.
            environment: { ...environmentOf(fn), SERVICE_NAME: fn.service, METRICS_NAMESPACE: 'Raqmana' },
          });
          if (run > 0) cold.set(fn.id, [...(cold.get(fn.id) ?? []), measured]);
        }
      }
    }

    const { rows, budgets, notMeasured, summary } = bundleReport({ floor: FLOOR, functions, sizes, ...(coverage && { coldStarts: { byFunction: cold, coverage } }) });
    return {
      part: 'bundle',
      method:
        `esbuild with the settings of lib/constructs/function-bundling.ts (minified ESM, node24); KB = 1024 bytes of index.mjs. ` +
        `Cold start = a fresh \`node\` (${process.version}, no NODE_OPTIONS, as deployed) loading the bundle and handling the first ` +
        `event the scenario sent that function (Idempotency-Key removed, so a replay runs the use case; a state that moved on may answer 4xx after the same reads), ` +
        `median of ${runs} runs, against DynamoDB Local, s3rver and the local Step Functions endpoint; the floor (${FLOOR.entry}) ` +
        `is the raw DynamoDB client making one GetItem, bundled and started the same way in the same runs, before every ${FLOOR_EVERY} functions (the median of all its starts); ` +
        `kind = pdf when the bundle carries pdf-lib, s3 when it carries the S3 client, json otherwise`,
      rows,
      budgets,
      summary,
      notMeasured,
    };
  },
};
