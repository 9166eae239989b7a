// Part 4: the statutory clock at scale. Permits with random filing dates, suspensions, extensions and decisions
// go through the platform's handlers while the permits' deadline-case state machine carries each one to its
// deadline on the virtual clock; every outcome and due date is then checked against the pure engine, computed
// here from the same facts. Reports state transitions per permit and their cost at Step Functions prices.
import { createHash } from 'node:crypto';
import { computeDeadline, type Suspension } from '../../functions/shared/statutory-clock/statutory-clock.ts';
import { moroccanDate } from '../../functions/shared/time/morocco-time.ts';
import type { CallRoute, Caller } from '../core/bench-platform.ts';
import { inParallel, seededRandom, type Random } from '../core/random.ts';
import { numberFlag, type Budget, type BenchPart, type Row } from '../core/results.ts';
import { median, percentile, round } from '../core/stats.ts';

// Issue 11: the common path stays within 6 state transitions (check, choice, wait, check, choice, succeed).
const TRANSITIONS_BUDGET = 6;
/** Step Functions Standard workflows, per state transition. */
const DOLLARS_PER_TRANSITION = 0.025 / 1000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Procedure {
  readonly code: string;
  readonly period: { readonly days: number; readonly unit: 'calendar' | 'working' };
  readonly deemedApproval: string;
}

type ActionKind = 'file' | 'suspend' | 'resume' | 'extend' | 'decide';

interface Action {
  readonly at: number;
  readonly kind: ActionKind;
  readonly plan: PermitPlan;
  readonly days?: number;
}

interface PermitPlan {
  readonly index: number;
  readonly procedure: Procedure;
  readonly actions: Action[];
  id?: string;
}

/** An instant in office hours (08:00–16:00 UTC, the same Moroccan day whatever the offset), `day` days after `start`. */
function officeHour(start: number, day: number, random: Random): number {
  return start + day * DAY_MS + (8 + random.integer(0, 8)) * HOUR_MS;
}

function plansFor(count: number, windowDays: number, procedures: readonly Procedure[], random: Random, start: number): PermitPlan[] {
  return Array.from({ length: count }, (_, index) => {
    const plan: PermitPlan = { index, procedure: random.pick(procedures), actions: [] };
    const filedDay = random.integer(0, windowDays);
    const add = (kind: ActionKind, day: number, days?: number) => plan.actions.push({ at: officeHour(start, day, random), kind, plan, ...(days && { days }) });
    add('file', filedDay);
    // Days of the actions are distinct and increasing, so a permit has at most one action per instant.
    let day = filedDay;
    if (random.chance(0.3)) {
      day += random.integer(1, 8);
      add('suspend', day);
      day += random.integer(1, 10);
      add('resume', day);
    }
    if (random.chance(0.3)) {
      day += random.integer(1, 12);
      add('extend', day, random.integer(1, plan.procedure.period.days));
    }
    // Some decisions come after the deadline, when the silence has already decided.
    if (random.chance(0.5)) add('decide', day + random.integer(1, 35));
    return plan;
  });
}

interface Expected {
  readonly status: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly lapses: 0 | 1;
}

/** What the law says happens to a plan: the pure engine's deadline, moved by each accepted action in time order. */
function expectedOutcome(plan: PermitPlan, holidays: ReadonlySet<string>): Expected {
  const [filing, ...actions] = plan.actions;
  const receiptDate = moroccanDate(new Date(filing!.at));
  const suspensions: Suspension[] = [];
  let extensionDays: number | undefined;
  let status = 'filed';
  const deadline = (asOf: number) =>
    computeDeadline({ period: plan.procedure.period, receiptDate, holidays, suspensions, ...(extensionDays && { extensionDays }), asOf: moroccanDate(new Date(asOf)) });
  const lapsed = () => (plan.procedure.deemedApproval === 'automatic' ? 'deemed-approved' : 'deemed-approval-available');
  for (const action of actions) {
    const due = deadline(action.at);
    if (status === 'filed' && action.at > Date.parse(due.dueAt)) return { status: lapsed(), dueDate: due.dueDate, dueAt: due.dueAt, lapses: 1 };
    if (action.kind === 'suspend' && status === 'filed') {
      suspensions.push({ from: moroccanDate(new Date(action.at)) });
      status = 'awaiting-documents';
    } else if (action.kind === 'resume' && status === 'awaiting-documents') {
      suspensions[suspensions.length - 1] = { ...suspensions.at(-1)!, to: moroccanDate(new Date(action.at)) };
      status = 'filed';
    } else if (action.kind === 'extend' && extensionDays === undefined) {
      extensionDays = action.days;
    } else if (action.kind === 'decide') {
      const due = deadline(action.at);
      return { status: 'approved', dueDate: due.dueDate, dueAt: due.dueAt, lapses: 0 };
    }
  }
  const last = actions.at(-1)?.at ?? filing!.at;
  const due = deadline(last);
  return { status: status === 'filed' ? lapsed() : status, dueDate: due.dueDate, dueAt: due.dueAt, lapses: status === 'filed' ? 1 : 0 };
}

async function perform(call: CallRoute, action: Action): Promise<number> {
  const citizen: Caller = { sub: `clock-citizen-${action.plan.index % 100}`, roles: ['citizen'] };
  const agent: Caller = { sub: 'clock-agent', roles: ['agent'], commune: 'rabat' };
  const params = { id: action.plan.id ?? '' };
  switch (action.kind) {
    case 'file': {
      const body = { procedure: action.plan.procedure.code, commune: 'rabat', project: { title: `Projet ${action.plan.index}`, address: 'Hay Riad, Rabat' } };
      const reply = await call('POST /v1/permits', { body, as: citizen });
      if (reply.status !== 201) throw new Error(`filing permit ${action.plan.index}: ${reply.status} ${JSON.stringify(reply.json)}`);
      action.plan.id = String(reply.json.id);
      return reply.status;
    }
    case 'suspend':
      return (await call('POST /v1/permits/{id}/suspensions', { params, body: { documents: ['plan'], note: 'Plan manquant' }, as: agent })).status;
    case 'resume': {
      // The clock resumes when the requested document is verified present: declared with its SHA-256, uploaded to
      // the signed URL, completed.
      const plan = Buffer.from(`%PDF-1.7 plan ${action.plan.index}`);
      const documents = [{ name: 'plan', contentType: 'application/pdf', sha256: createHash('sha256').update(plan).digest('hex') }];
      const declared = await call('POST /v1/permits/{id}/documents', { params, body: { documents }, as: citizen });
      if (declared.status !== 200) return declared.status;
      const upload = declared.json.uploads[0] as { documentId: string; url: string; headers: Record<string, string> };
      const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: plan });
      if (!put.ok) throw new Error(`uploading the plan of permit ${action.plan.index}: ${put.status}`);
      return (await call('POST /v1/permits/{id}/documents/{documentId}/complete', { params: { ...params, documentId: upload.documentId }, as: citizen })).status;
    }
    case 'extend':
      return (await call('POST /v1/permits/{id}/extensions', { params, body: { days: action.days, reason: 'Enquête' }, as: agent })).status;
    case 'decide':
      return (await call('POST /v1/permits/{id}/decision', { params, body: { outcome: 'approved', reasons: 'Conforme' }, as: { sub: 'clock-president', roles: ['president'], commune: 'rabat' } })).status;
  }
}

export const clockPart: BenchPart = {
  name: 'clock',
  description: 'permits through the real deadline workflow on the virtual clock vs the pure engine (--permits=10000, --window-days=60, --concurrency=8)',
  async run(context) {
    const count = numberFlag(context, 'permits', 10_000);
    const windowDays = numberFlag(context, 'window-days', 60);
    const concurrency = numberFlag(context, 'concurrency', 8);
    const bench = await context.platform();
    const { clock, workflows } = bench.local;
    // Reads its table names from the environment, which the platform has just set.
    const { permitsDependencies } = await import('../../functions/permits/adapters/permits.dependencies.ts');
    const call = bench.caller();
    const procedures = (await call('GET /v1/procedures', { query: { limit: '50' } })).json.items as Procedure[];
    const start = Date.parse(`${moroccanDate(clock.now())}T00:00:00Z`) + DAY_MS;
    const plans = plansFor(count, windowDays, procedures, seededRandom(20_261_129), start);
    const instants = new Map<number, Action[]>();
    for (const action of plans.flatMap((plan) => plan.actions)) instants.set(action.at, [...(instants.get(action.at) ?? []), action]);

    const started = performance.now();
    const refused = new Map<ActionKind, number>();
    let done = 0;
    for (const at of [...instants.keys()].sort((a, b) => a - b)) {
      await clock.set(new Date(at));
      await inParallel(instants.get(at)!, concurrency, async (action) => {
        const status = await perform(call, action);
        if (status >= 400) refused.set(action.kind, (refused.get(action.kind) ?? 0) + 1);
      });
      done += instants.get(at)!.filter((action) => action.kind === 'file').length;
      if (done % 1000 < instants.get(at)!.length) context.log(`clock: ${done}/${count} permits filed, virtual ${clock.now().toISOString()}`);
    }
    // Far enough for every deadline to pass and every workflow to end.
    await clock.set(new Date(Math.max(...instants.keys()) + 120 * DAY_MS));
    const drivenSeconds = (performance.now() - started) / 1000;

    const years = [...new Set(plans.map((plan) => Number(moroccanDate(new Date(plan.actions[0]!.at)).slice(0, 4))))].flatMap((year) => [year, year + 1]);
    const holidays = new Set<string>();
    for (const year of new Set(years)) {
      const calendar = (await call('GET /v1/holidays', { query: { year: String(year) } })).json as { holidays: { date: string }[] };
      for (const holiday of calendar.holidays) holidays.add(holiday.date);
    }

    const transitions = new Map<string, number>();
    let running = 0;
    for (const execution of workflows.listExecutions('permit-deadline')) {
      const id = /^permit-(.+)-v\d+$/.exec(execution.name)?.[1] ?? execution.name;
      transitions.set(id, (transitions.get(id) ?? 0) + execution.stateTransitions);
      if (execution.status === 'RUNNING') running += 1;
    }

    let mismatched = 0;
    let missed = 0;
    let duplicated = 0;
    const delays: number[] = [];
    const mismatches: string[] = [];
    const groups = new Map<string, number[]>();
    await inParallel(plans, concurrency, async (plan) => {
      const expected = expectedOutcome(plan, holidays);
      const permit = await permitsDependencies.repository.get(plan.id!);
      const history = await permitsDependencies.repository.history(plan.id!, { limit: 100 });
      const lapses = history.items.filter((event) => event.type === 'deadline-lapsed').length;
      if (expected.lapses === 1 && lapses === 0) missed += 1;
      if (lapses > 1) duplicated += 1;
      if (permit?.status !== expected.status || permit.clock.dueDate !== expected.dueDate || permit.clock.dueAt !== expected.dueAt) {
        mismatched += 1;
        if (mismatches.length < 5) mismatches.push(`#${plan.index} ${plan.actions.map((a) => a.kind).join('>')}: got ${permit?.status} ${permit?.clock.dueAt}, expected ${expected.status} ${expected.dueAt}`);
      }
      if (permit?.lapsedAt) delays.push(Date.parse(permit.lapsedAt) - Date.parse(permit.clock.dueAt));
      const kinds = new Set(plan.actions.map((action) => action.kind));
      const group = kinds.has('suspend') ? 'with a suspension' : kinds.has('extend') ? 'with an extension' : 'common path (filed, then decided or lapsed)';
      groups.set(group, [...(groups.get(group) ?? []), transitions.get(plan.id!) ?? 0]);
    });
    for (const mismatch of mismatches) context.log(`clock: mismatch ${mismatch}`);

    const all = [...groups.values()].flat();
    const rows: Row[] = [...groups, ['all permits', all] as const].map(([group, counts]) => ({
      permits: group,
      count: counts.length,
      'transitions mean': round(counts.reduce((a, b) => a + b, 0) / counts.length, 2),
      'transitions max': Math.max(...counts),
      'cost per permit $': Number(((counts.reduce((a, b) => a + b, 0) / counts.length) * DOLLARS_PER_TRANSITION).toFixed(6)),
      'cost per 1,000 permits $': round((counts.reduce((a, b) => a + b, 0) / counts.length) * DOLLARS_PER_TRANSITION * 1000, 3),
    }));
    const common = groups.get('common path (filed, then decided or lapsed)') ?? [];
    const budgets: Budget[] = [
      { subject: 'outcomes and due dates equal to the pure engine', limit: '0 mismatches', measured: mismatched, pass: mismatched === 0 },
      { subject: 'missed lapses', limit: '0', measured: missed, pass: missed === 0 },
      { subject: 'duplicated lapses', limit: '0', measured: duplicated, pass: duplicated === 0 },
      { subject: 'state transitions per permit, common path', limit: `≤ ${TRANSITIONS_BUDGET}`, measured: Math.max(...common), pass: Math.max(...common) <= TRANSITIONS_BUDGET },
    ];
    return {
      part: 'clock',
      method:
        `${count} permits filed over ${windowDays} days (seeded draw: 30 % suspended then resumed, 30 % extended, 50 % decided, some after their deadline), ` +
        `driven through the handlers at office hours while the virtual clock jumps from instant to instant; the real deadline-case ASL (as permits declare it) on the local runner ` +
        `with the real CheckPermitDeadline; expected outcomes from computeDeadline with the platform's holidays`,
      rows,
      budgets,
      summary: {
        permits: count,
        'lapses recorded': delays.length,
        'lapse delay after deadline p50 / max (virtual ms)': `${round(median(delays))} / ${round(Math.max(...delays, 0))}`,
        'lapse delay p99 (virtual ms)': round(percentile(delays, 99)),
        'refused actions (after the deadline, or documents already requested)': [...refused].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none',
        'executions still running at the end': running,
        'wall time driving the permits (s)': round(drivenSeconds),
        'permits per second': round(count / drivenSeconds, 1),
      },
    };
  },
};
