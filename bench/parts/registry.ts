// Part 5: the civil-status registry at scale. Synthetic acts (Arabic and Latin names in the variant spellings
// registrars really typed) are imported through `npm run import:registers`'s own code against the local
// platform; then the national search is timed at handler level and its recall on variant spellings compared
// with what an exact-match search would find.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRegisters } from '../../lib/local/register-import.ts';
import type { Caller } from '../core/bench-platform.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, type NameGroup } from '../core/names.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { numberFlag, type BenchPart } from '../core/results.ts';
import { percentile, round } from '../core/stats.ts';

const SEARCH_P95_BUDGET_MS = 60;
const ACTS_PER_REGISTER = 500;

interface WrittenName {
  readonly latin?: string;
  readonly ar?: string;
}

interface SyntheticAct {
  readonly office: string;
  readonly birthYear: number;
  readonly given: NameGroup;
  readonly family: NameGroup;
  readonly givenName: WrittenName;
  readonly familyName: WrittenName;
  readonly birthDate: string;
  readonly json: string;
}

/** A name as one act holds it: both scripts on half the acts, one script on the others. */
function written(group: NameGroup, script: 'both' | 'latin' | 'ar', random: Random): WrittenName {
  return {
    ...(script !== 'ar' && { latin: random.pick(group.latin) }),
    ...(script !== 'latin' && { ar: group.arabic }),
  };
}

function synthesize(count: number, offices: readonly string[], random: Random): SyntheticAct[] {
  const acts: SyntheticAct[] = [];
  const registerCounters = new Map<string, number>();
  for (let line = 1; line <= count; line++) {
    const sex = random.chance(0.5) ? 'M' : 'F';
    const given = random.pick(sex === 'M' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const family = random.pick(FAMILY_NAMES);
    const script = random.pick(['both', 'both', 'latin', 'ar'] as const);
    const office = random.pick(offices);
    const birthYear = random.integer(1940, 2020);
    const registerKey = `${office}.${birthYear}`;
    const number = (registerCounters.get(registerKey) ?? 0) + 1;
    registerCounters.set(registerKey, number);
    const legacy = { office, year: birthYear, register: `R-${Math.ceil(number / ACTS_PER_REGISTER)}`, number };
    const givenName = written(given, script, random);
    const familyName = written(family, script, random);
    const birthDate = `${birthYear}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
    const person = { givenName, familyName, sex, birthDate, birthPlace: { latin: 'Maroc', ar: 'المغرب' } };
    acts.push({ office, birthYear, given, family, givenName, familyName, birthDate, json: JSON.stringify({ type: 'birth', legacy, person }) });
  }
  return acts;
}

interface Candidate {
  readonly office: string;
  readonly person: { readonly birthDate: string; readonly givenName: WrittenName; readonly familyName: WrittenName };
}

/** Search answers carry no legacy reference: the act is the one of that office, birth date and written names. */
function isTheAct(candidate: Candidate, act: SyntheticAct): boolean {
  const same = (a: WrittenName, b: WrittenName) => a.latin === b.latin && a.ar === b.ar;
  return candidate.office === act.office && candidate.person.birthDate === act.birthDate && same(candidate.person.givenName, act.givenName) && same(candidate.person.familyName, act.familyName);
}

/** The spellings an exact-match search would find an act by: its own, in each script it was written in. */
function exactSpellings(act: SyntheticAct): Set<string> {
  const spellings = new Set<string>();
  if (act.givenName.latin && act.familyName.latin) spellings.add(`${act.givenName.latin} ${act.familyName.latin}`.toLowerCase());
  if (act.givenName.ar && act.familyName.ar) spellings.add(`${act.givenName.ar} ${act.familyName.ar}`);
  return spellings;
}

export const registryPart: BenchPart = {
  name: 'registry',
  description: 'import synthetic civil-status acts, then search p50/p95 and recall on variant spellings (--acts=100000, --queries=500)',
  async run(context) {
    const count = numberFlag(context, 'acts', 100_000);
    const queries = numberFlag(context, 'queries', 500);
    const random = seededRandom(1915);
    const bench = await context.platform();
    const folder = mkdtempSync(join(tmpdir(), 'raqmana-registers-'));
    try {
      const call = bench.caller();
      const offices = ((await call('GET /v1/civil-status/offices', { query: { limit: '100' } })).json.items as { code: string }[]).map((office) => office.code);
      const acts = synthesize(count, offices, random);
      writeFileSync(join(folder, 'index.jsonl'), `${acts.map((act) => act.json).join('\n')}\n`);

      context.log(`registry: importing ${count} acts through the platform's API`);
      const started = performance.now();
      const report = await importRegisters({
        folder,
        platformUrl: bench.local.url,
        onProgress: (progress) => {
          if (progress.linesRead % 10_000 === 0) context.log(`registry: ${progress.linesRead} acts, ${round(progress.linesRead / ((performance.now() - started) / 1000))} acts/s`);
        },
      });
      const importSeconds = (performance.now() - started) / 1000;
      if (report.badLines > 0) throw new Error(`The import refused ${report.badLines} synthetic acts: ${JSON.stringify(report.badLineDetails.slice(0, 3))}`);

      const registrar: Caller = { sub: 'bench-registrar', roles: ['registrar'], office: offices[0]! };
      const durations: number[] = [];
      let found = 0;
      let foundByExact = 0;
      let variantQueries = 0;
      let variantFound = 0;
      for (let index = 0; index < queries; index++) {
        const act = random.pick(acts);
        const given = random.pick([...act.given.latin, act.given.arabic]);
        const family = random.pick([...act.family.latin, act.family.arabic]);
        const name = `${given} ${family}`;
        const exact = exactSpellings(act).has(/[a-z]/i.test(name) ? name.toLowerCase() : name);
        const started = performance.now();
        const reply = await call('GET /v1/civil-status/search', { query: { name, birthYear: String(act.birthYear) }, as: registrar });
        durations.push(performance.now() - started);
        if (reply.status !== 200) throw new Error(`search "${name}": ${reply.status} ${JSON.stringify(reply.json)}`);
        const hit = (reply.json.candidates as Candidate[]).some((candidate) => isTheAct(candidate, act));
        if (hit) found += 1;
        if (exact) foundByExact += 1;
        else {
          variantQueries += 1;
          if (hit) variantFound += 1;
        }
      }
      const p95 = percentile(durations, 95);
      return {
        part: 'registry',
        method:
          `${count} synthetic birth acts (${MALE_GIVEN_NAMES.length + FEMALE_GIVEN_NAMES.length} given and ${FAMILY_NAMES.length} family names in their common spellings, ` +
          `both scripts on half the acts, one on the others; seeded) imported by lib/local/register-import.ts over HTTP, one act at a time as the CLI does; ` +
          `${queries} searches by "given family" in a random spelling of either script, with the birth year, handler level, default limit 20`,
        rows: [
          { figure: 'import throughput (acts/s)', value: round(count / importSeconds, 1) },
          { figure: 'import time (s)', value: round(importSeconds, 1) },
          { figure: 'search p50 (ms)', value: round(percentile(durations, 50), 1) },
          { figure: 'search p95 (ms)', value: round(p95, 1) },
          { figure: 'recall, all queries (%)', value: round((100 * found) / queries, 1) },
          { figure: 'recall of an exact-match search, same queries (%)', value: round((100 * foundByExact) / queries, 1) },
          { figure: 'recall on spellings unlike the stored one (%)', value: round((100 * variantFound) / Math.max(1, variantQueries), 1) },
          { figure: 'queries with a spelling unlike the stored one', value: variantQueries },
        ],
        budgets: [{ subject: `search p95 at handler level, ${count} acts`, limit: `< ${SEARCH_P95_BUDGET_MS} ms`, measured: round(p95, 1), pass: p95 < SEARCH_P95_BUDGET_MS }],
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
