// Part 3: warm latency per HTTP route at handler level: the scenario's calls, timed from the event handed to the
// handler to its response, against DynamoDB Local, after one warm-up round that loads every module.
import { platformFunctions } from '../core/bench-platform.ts';
import { numberFlag, type BenchPart } from '../core/results.ts';
import { runScenario } from '../core/scenario.ts';
import { latencyReport } from './latency.report.ts';

export const latencyPart: BenchPart = {
  name: 'latency',
  description: 'warm p50/p99 per route at handler level against DynamoDB Local (--latency-rounds=30)',
  async run(context) {
    const rounds = numberFlag(context, 'latency-rounds', 30);
    const bench = await context.platform();
    await runScenario(bench.caller(), bench.local.clock);
    const samples = new Map<string, { functionId: string; durations: number[] }>();
    const call = bench.caller({
      observe: ({ routeKey, functionId, durationMs }) => {
        const entry = samples.get(routeKey) ?? { functionId, durations: [] };
        entry.durations.push(durationMs);
        samples.set(routeKey, entry);
      },
    });
    for (let index = 1; index <= rounds; index++) {
      if (index % 10 === 0 || index === rounds) context.log(`latency: round ${index}/${rounds}`);
      await runScenario(call, bench.local.clock);
    }
    const { rows, notMeasured } = latencyReport(platformFunctions, samples);
    return {
      part: 'latency',
      method: `${rounds} rounds of the scenario after one warm-up round; handler invocation time in process (no HTTP), DynamoDB Local and s3rver on this machine; p99 is nearest-rank over the samples shown`,
      rows,
      budgets: [],
      notMeasured,
    };
  },
};
