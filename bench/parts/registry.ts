// Part 5: the civil-status registry at scale. Synthetic birth acts (bench/core/names.ts: a few hundred given names,
// about a thousand family names, Zipf-like frequencies, compounds, either or both scripts) are registered through
// the import's own write path (parseIndexLine and importAct, as the import's batch function does) in parallel; then
// the national search is timed at handler level on names typed as people type them, and its recall is measured
// namesake-aware: a query succeeds when its act ranks among the first k once the acts of people of the very same
// name (and birth year) are set aside, since no search can tell those apart by name.
import type { Caller } from '../core/bench-platform.ts';
import { DynamoDbMeter, emptyUsage, type DynamoDbUsage } from '../core/dynamodb-meter.ts';
import {
  FEMALE_GIVEN_NAMES,
  HABITS,
  MALE_GIVEN_NAMES,
  arabicSpelling,
  distinctInArabic,
  familyNames,
  latinSpelling,
  typedArabic,
  zipfPicker,
  type Habit,
  type Phonemes,
} from '../core/names.ts';
import { inParallel, seededRandom, type Random } from '../core/random.ts';
import { numberFlag, type BenchPart, type Budget, type Row } from '../core/results.ts';
import { percentile, round } from '../core/stats.ts';

const SEARCH_P95_BUDGET_MS = 60;
const RECALL_BUDGET_PERCENT = 95;
const CROSS_SCRIPT_RECALL_BUDGET_PERCENT = 90;
const ACTS_PER_REGISTER = 500;
/**
 * Acts registered at once. On DynamoDB Local 4 at once load twice as fast as 1 and 16 five times as fast, but from 16
 * on its transactions can time out waiting for its lock on a busy machine.
 */
const LOAD_CONCURRENCY = 8;
/** The chance of an unusual spelling at each choice point: registrars keep to the usual ones more than citizens. */
const REGISTERED_VARIETY = 0.15;
const TYPED_VARIETY = 0.3;
const FAMILY_NAME_FIRST = 0.3;
/** Candidates asked for (the route's maximum), so namesakes ranked first never push the act out of sight. */
const CANDIDATES = 50;
/** The family names are drawn once from their own seed, so their list does not depend on the acts' count. */
const FAMILY_NAMES_SEED = 1962;

export type ActScripts = 'both' | 'latin' | 'ar';
export type QueryKind = 'same script' | 'cross-script' | 'mixed scripts';

export interface SyntheticAct {
  readonly given: Phonemes;
  readonly family: Phonemes;
  readonly scripts: ActScripts;
  readonly birthYear: number;
  /** The line of index.jsonl the import would read. */
  readonly line: string;
}

export interface NameQuery {
  readonly name: string;
  readonly kind: QueryKind;
  readonly habits: ReadonlySet<Habit>;
}

function written(name: Phonemes, scripts: ActScripts, random: Random): { latin?: string; ar?: string } {
  return {
    ...(scripts !== 'ar' && { latin: latinSpelling(name, random, REGISTERED_VARIETY).text }),
    ...(scripts !== 'latin' && { ar: arabicSpelling(name) }),
  };
}

/** Acts of people named after Zipf-weighted given and family names, half written in both scripts. */
export function synthesizeActs(count: number, offices: readonly string[], random: Random): SyntheticAct[] {
  const pickMale = zipfPicker(distinctInArabic(MALE_GIVEN_NAMES), 2);
  const pickFemale = zipfPicker(distinctInArabic(FEMALE_GIVEN_NAMES), 2);
  const pickFamily = zipfPicker(familyNames(seededRandom(FAMILY_NAMES_SEED)), 10);
  const registerCounters = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const sex = random.chance(0.5) ? 'M' : 'F';
    const given = (sex === 'M' ? pickMale : pickFemale)(random);
    const family = pickFamily(random);
    const scripts = random.pick(['both', 'both', 'latin', 'ar'] as const);
    const office = random.pick(offices);
    const birthYear = random.integer(1940, 2020);
    const registerKey = `${office}.${birthYear}`;
    const number = (registerCounters.get(registerKey) ?? 0) + 1;
    registerCounters.set(registerKey, number);
    const legacy = { office, year: birthYear, register: `R-${Math.ceil(number / ACTS_PER_REGISTER)}`, number };
    const birthDate = `${birthYear}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
    const person = {
      givenName: written(given, scripts, random),
      familyName: written(family, scripts, random),
      sex,
      birthDate,
      birthPlace: { latin: 'Maroc', ar: 'المغرب' },
    };
    return { given, family, scripts, birthYear, line: JSON.stringify({ type: 'birth', legacy, person, pages: [] }) };
  });
}

/** A name part as a person types it, in one script; the Latin habits it shows are added to `habits`. */
function typed(name: Phonemes, script: 'latin' | 'ar', random: Random, habits: Set<Habit>): string {
  if (script === 'ar') return typedArabic(name, random, TYPED_VARIETY);
  const spelling = latinSpelling(name, random, TYPED_VARIETY);
  for (const habit of spelling.habits) habits.add(habit);
  return spelling.text;
}

/**
 * How someone would type the act's name: in a script the act holds (same script), in the one it lacks
 * (cross-script), or the given name in one script and the family name in the other (mixed); family name first
 * at times.
 */
export function typedQuery(act: SyntheticAct, kind: QueryKind, random: Random): NameQuery {
  const habits = new Set<Habit>();
  const held = act.scripts === 'both' ? random.pick(['latin', 'ar'] as const) : act.scripts;
  const other = held === 'latin' ? 'ar' : 'latin';
  const givenScript = kind === 'same script' ? held : other;
  const familyScript = kind === 'cross-script' ? other : held;
  const given = typed(act.given, givenScript, random, habits);
  const family = typed(act.family, familyScript, random, habits);
  const familyFirst = random.chance(FAMILY_NAME_FIRST);
  if (familyFirst) habits.add('family name first');
  return { name: familyFirst ? `${family} ${given}` : `${given} ${family}`, kind, habits };
}

/**
 * The act's rank among the candidates once the acts of its namesakes (same given and family name) are left out;
 * undefined when it is not among them.
 */
export function namesakeAwareRank(candidateActs: readonly (SyntheticAct | undefined)[], target: SyntheticAct): number | undefined {
  let rank = 1;
  for (const act of candidateActs) {
    if (act === target) return rank;
    if (act?.given !== target.given || act.family !== target.family) rank += 1;
  }
  return undefined;
}

interface Outcome {
  readonly query: NameQuery;
  readonly position: number | undefined;
  readonly namesakeRank: number | undefined;
}

const percentOf = (outcomes: readonly Outcome[], hit: (outcome: Outcome) => boolean) =>
  outcomes.length === 0 ? null : round((100 * outcomes.filter(hit).length) / outcomes.length, 1);
const top = (k: number) => (outcome: Outcome) => outcome.namesakeRank !== undefined && outcome.namesakeRank <= k;

export const registryPart: BenchPart = {
  name: 'registry',
  description: 'register synthetic civil-status acts, then search p50/p95, DynamoDB requests and namesake-aware recall (--acts=100000, --queries=1000)',
  async run(context) {
    const count = numberFlag(context, 'acts', 100_000);
    const queries = numberFlag(context, 'queries', 1000);
    const random = seededRandom(1915);
    const bench = await context.platform();
    // Loaded once the platform has set the environment, as the handlers were: the same module instances.
    const { civilStatusDependencies } = await import('../../functions/civil-status/adapters/civil-status.dependencies.ts');
    const { importAct, parseIndexLine } = await import('../../functions/civil-status/application/register-import.use-cases.ts');
    const { dynamodbClient } = await import('../../functions/shared/aws/dynamodb.ts');

    const call = bench.caller();
    const offices = ((await call('GET /v1/civil-status/offices', { query: { limit: '100' } })).json.items as { code: string }[]).map((office) => office.code);
    const acts = synthesizeActs(count, offices, random);

    context.log(`registry: registering ${count} acts, ${LOAD_CONCURRENCY} at a time`);
    const actsById = new Map<string, SyntheticAct>();
    const started = performance.now();
    const now = bench.local.clock.now();
    await inParallel(acts, LOAD_CONCURRENCY, async (act) => {
      const { actId } = await importAct(civilStatusDependencies, parseIndexLine(act.line), 'bench-import', now);
      actsById.set(actId, act);
      if (actsById.size % 2_000 === 0) context.log(`registry: ${actsById.size} acts, ${round(actsById.size / ((performance.now() - started) / 1000))} acts/s`);
    });
    const loadSeconds = (performance.now() - started) / 1000;

    const meter = new DynamoDbMeter();
    meter.attach(dynamodbClient);
    const usages: DynamoDbUsage[] = [];
    const search = bench.caller({
      around: (_routeKey, work) => {
        const usage = emptyUsage();
        usages.push(usage);
        return meter.measure(usage, work);
      },
    });
    const registrar: Caller = { sub: 'bench-registrar', roles: ['registrar'], office: offices[0]! };
    const singleScript = acts.filter((act) => act.scripts !== 'both');
    const durations: number[] = [];
    const outcomes: Outcome[] = [];
    for (let index = 0; index < queries; index++) {
      const kind = random.pick(['same script', 'same script', 'cross-script', 'cross-script', 'mixed scripts'] as const);
      const act = random.pick(kind === 'cross-script' ? singleScript : acts);
      const query = typedQuery(act, kind, random);
      const searchStarted = performance.now();
      const reply = await search('GET /v1/civil-status/search', { query: { name: query.name, birthYear: String(act.birthYear), limit: String(CANDIDATES) }, as: registrar });
      durations.push(performance.now() - searchStarted);
      if (reply.status !== 200) throw new Error(`search "${query.name}": ${reply.status} ${JSON.stringify(reply.json)}`);
      const candidates = (reply.json.candidates as { actId: string }[]).map((candidate) => actsById.get(candidate.actId));
      const position = candidates.indexOf(act);
      outcomes.push({ query, position: position < 0 ? undefined : position + 1, namesakeRank: namesakeAwareRank(candidates, act) });
    }

    const p95 = percentile(durations, 95);
    const overall = percentOf(outcomes, top(3)) ?? 0;
    const crossScript = percentOf(outcomes.filter((outcome) => outcome.query.kind === 'cross-script'), top(3)) ?? 0;
    const scans = usages.reduce((total, usage) => total + (usage.operations.Scan ?? 0), 0);
    const requests = usages.map((usage) => usage.requests);
    const rows: Row[] = [
      { figure: 'load throughput (acts/s)', value: round(count / loadSeconds, 1) },
      { figure: 'load time (s)', value: round(loadSeconds, 1) },
      { figure: 'search p50 (ms)', value: round(percentile(durations, 50), 1) },
      { figure: 'search p95 (ms)', value: round(p95, 1) },
      { figure: 'DynamoDB requests per search, mean', value: round(requests.reduce((total, value) => total + value, 0) / requests.length, 2) },
      { figure: 'DynamoDB requests per search, max', value: Math.max(...requests) },
      { figure: 'Scan requests', value: scans },
      { figure: 'recall@20, plain (%)', value: percentOf(outcomes, (outcome) => outcome.position !== undefined && outcome.position <= 20) },
      { figure: 'top-3, plain (%)', value: percentOf(outcomes, (outcome) => outcome.position !== undefined && outcome.position <= 3) },
      { figure: 'namesake-aware top-1 (%)', value: percentOf(outcomes, top(1)) },
      { figure: 'namesake-aware top-3, all queries (%)', value: overall },
    ];
    for (const kind of ['same script', 'cross-script', 'mixed scripts'] as const) {
      const ofKind = outcomes.filter((outcome) => outcome.query.kind === kind);
      rows.push({ figure: `namesake-aware top-3, ${kind} (${ofKind.length} queries) (%)`, value: percentOf(ofKind, top(3)) });
    }
    for (const habit of HABITS) {
      const withHabit = outcomes.filter((outcome) => outcome.query.habits.has(habit));
      rows.push({ figure: `namesake-aware top-3, ${habit} (${withHabit.length} queries) (%)`, value: percentOf(withHabit, top(3)) });
    }
    const budgets: Budget[] = [
      { subject: `search p95 at handler level, ${count} acts`, limit: `< ${SEARCH_P95_BUDGET_MS} ms`, measured: round(p95, 1), pass: p95 < SEARCH_P95_BUDGET_MS },
      { subject: `namesake-aware top-3, all queries, ${count} acts`, limit: `>= ${RECALL_BUDGET_PERCENT} %`, measured: overall, pass: overall >= RECALL_BUDGET_PERCENT },
      { subject: `namesake-aware top-3, cross-script queries, ${count} acts`, limit: `>= ${CROSS_SCRIPT_RECALL_BUDGET_PERCENT} %`, measured: crossScript, pass: crossScript >= CROSS_SCRIPT_RECALL_BUDGET_PERCENT },
      { subject: 'Scan requests of the search', limit: '0', measured: scans, pass: scans === 0 },
    ];
    return {
      part: 'registry',
      method:
        `${count} synthetic birth acts (${distinctInArabic(MALE_GIVEN_NAMES).length + distinctInArabic(FEMALE_GIVEN_NAMES).length} given names, ` +
        `${familyNames(seededRandom(FAMILY_NAMES_SEED)).length} family names, Zipf-like frequencies; both scripts on half the acts, one on the others; seeded) ` +
        `registered by the import's write path (parseIndexLine, importAct), ${LOAD_CONCURRENCY} at a time; ${queries} searches with the birth year, ` +
        `handler level, limit ${CANDIDATES}, the name typed as people type it (2/5 same script, 2/5 cross-script, 1/5 mixed; family name first ` +
        `${100 * FAMILY_NAME_FIRST} %). Namesake-aware rank: the act's rank once acts of the same given and family name are left out.`,
      rows,
      budgets,
    };
  },
};
