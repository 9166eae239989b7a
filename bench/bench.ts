// `npm run bench [-- <part>] [--flag=value ...]`: the benchmark of issue 6. Starts what each part needs, runs
// it, prints a table with every budget passed or MISSed, and writes bench/results.json.
import './core/quiet-handlers.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePart } from './parts/bundle.ts';
import { clockPart } from './parts/clock.ts';
import { dataAccessPart } from './parts/data-access.ts';
import { documentsPart } from './parts/documents.ts';
import { latencyPart } from './parts/latency.ts';
import { registryPart } from './parts/registry.ts';
import { startBenchPlatform, type BenchPlatform } from './core/bench-platform.ts';
import { formatBudgets, formatNotMeasured, formatTable, type BenchPart, type PartResult } from './core/results.ts';

/** A part's result as results.json keeps it: with when, on which Node and with which flags it ran. */
interface RecordedPart extends PartResult {
  readonly measuredAt: string;
  readonly node: string;
  readonly flags: Record<string, string>;
}

// The parts, in the order `npm run bench` runs them; a part is one entry here.
const PARTS: readonly BenchPart[] = [bundlePart, dataAccessPart, latencyPart, clockPart, registryPart, documentsPart];

function parseArguments(argv: readonly string[]): { parts: readonly BenchPart[]; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  const names: string[] = [];
  for (const argument of argv) {
    const flag = /^--([a-z-]+)(?:=(.*))?$/.exec(argument);
    if (flag) flags.set(flag[1]!, flag[2] ?? 'true');
    else names.push(argument);
  }
  const unknown = names.filter((name) => !PARTS.some((part) => part.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown part ${unknown.join(', ')}; the parts are:\n${PARTS.map((part) => `  ${part.name.padEnd(12)} ${part.description}`).join('\n')}`);
  }
  return { parts: names.length === 0 ? PARTS : PARTS.filter((part) => names.includes(part.name)), flags };
}

const { parts, flags } = parseArguments(process.argv.slice(2));
const results: PartResult[] = [];
const started = performance.now();
let platform: Promise<BenchPlatform> | undefined;
const context = { flags, log: (line: string) => console.error(line), platform: () => (platform ??= startBenchPlatform()) };
try {
  for (const part of parts) {
    const partStarted = performance.now();
    const result = await part.run(context);
    results.push(result);
    console.log(`\n== ${result.part} (${((performance.now() - partStarted) / 1000).toFixed(1)} s) ==\n${result.method}\n`);
    console.log(formatTable(result.rows));
    if (result.summary) console.log(`\n${Object.entries(result.summary).map(([name, value]) => `${name}: ${value}`).join('\n')}`);
    console.log(`\n${formatBudgets(result.budgets)}`);
    if (result.notMeasured?.length) console.log(`\n${formatNotMeasured(result.notMeasured)}`);
  }
} finally {
  await (await platform)?.stop();
}

const missed = results.flatMap((result) => result.budgets.filter((budget) => !budget.pass).map((budget) => `${result.part}: ${budget.subject}`));
const notMeasured = results.reduce((total, result) => total + (result.notMeasured?.length ?? 0), 0);
const budgetCount = results.reduce((total, result) => total + result.budgets.length, 0);
console.log(`\n${budgetCount} budgets, ${missed.length} missed, ${notMeasured} figures not measured; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
// A run of some parts replaces those parts in results.json and keeps the others, each with when and how it ran.
const resultsFile = join(import.meta.dirname, 'results.json');
const kept = existsSync(resultsFile) ? ((JSON.parse(readFileSync(resultsFile, 'utf8')) as { parts: RecordedPart[] }).parts ?? []) : [];
const measuredAt = new Date().toISOString();
const recorded: RecordedPart[] = results.map((result) => ({ ...result, measuredAt, node: process.version, flags: Object.fromEntries(flags) }));
const merged = [...kept.filter((part) => !recorded.some((fresh) => fresh.part === part.part)), ...recorded];
merged.sort((a, b) => PARTS.findIndex((part) => part.name === a.part) - PARTS.findIndex((part) => part.name === b.part));
writeFileSync(resultsFile, `${JSON.stringify({ parts: merged }, null, 2)}\n`);
