// The data-access part's figures and budgets, from what the meter counted per route: a read route at most 2
// DynamoDB requests, a mutating one at most 4 (idempotency records included), no Scan outside admin exports (there
// are none yet), at most 10 write capacity units on average per permit change and per act registration (the call's
// writes and those of the consumers that complete the change, CHANGE_RECORDERS), and every
// route of a service the scenario drives driven. Routes of a service it does not drive yet are not measured.
import type { DynamoDbUsage } from '../core/dynamodb-meter.ts';
import { scenarioCoverage, type NotMeasured, type ServiceFunction } from '../core/coverage.ts';
import type { Budget, Row } from '../core/results.ts';
import { round } from '../core/stats.ts';

const READ_BUDGET = 2;
const WRITE_BUDGET = 4;
/** Mean write capacity units of one change, indexes and idempotency records included. */
const WCU_BUDGET = 10;
/** The changes that budget applies to: filing a permit and every action on one, and registering an act. */
const WCU_BUDGETED = {
  'permit change': (routeKey: string) => routeKey === 'POST /v1/permits' || routeKey.startsWith('POST /v1/permits/'),
  'act registration': (routeKey: string) => routeKey === 'POST /v1/civil-status/acts',
};
/**
 * Consumers that write part of the change itself, from the events its record carries (a change is one write of
 * its record; its history entry follows): their writes count in the change's figure. The other consumers follow a
 * change (figures, notifications, papers, workflows) as they did when changes were transactions; their writes are
 * shown beside it, outside the budget.
 */
const CHANGE_RECORDERS = new Set(['RecordPermitHistory', 'RecordCivilActRegistration']);
const consumerWcu = (usage: DynamoDbUsage, counted: boolean) =>
  Object.entries(usage.consumers).reduce((total, [functionId, consumer]) => total + (CHANGE_RECORDERS.has(functionId) === counted ? consumer.writeCapacityUnits : 0), 0);
/** The write units of a change: the call's own and those of the consumers that complete it. */
const changeWcu = (usage: DynamoDbUsage) => usage.writeCapacityUnits + consumerWcu(usage, true);

/** Routes allowed to Scan: admin exports. The platform has none yet. */
const SCAN_ALLOWED = new Set<string>();

/** What the meter counted for one route: each call's usage, and the function that served it. */
export type RouteUsages = ReadonlyMap<string, { readonly functionId: string; readonly calls: readonly DynamoDbUsage[] }>;

export function dataAccessReport(functions: readonly ServiceFunction[], usages: RouteUsages): { rows: Row[]; budgets: Budget[]; notMeasured: NotMeasured[] } {
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  for (const [routeKey, { functionId, calls }] of usages) {
    const reads = routeKey.startsWith('GET ');
    const requests = calls.map((usage) => usage.requests);
    const maxRequests = Math.max(...requests);
    const operations = new Map<string, number>();
    for (const usage of calls) for (const [name, count] of Object.entries(usage.operations)) operations.set(name, Math.max(operations.get(name) ?? 0, count));
    const scans = calls.reduce((total, usage) => total + (usage.operations.Scan ?? 0), 0);
    const mean = (pick: (usage: DynamoDbUsage) => number) => round(calls.reduce((total, usage) => total + pick(usage), 0) / calls.length, 2);
    rows.push({
      route: routeKey,
      function: functionId,
      calls: calls.length,
      'requests max': maxRequests,
      'requests mean': mean((usage) => usage.requests),
      operations: [...operations].map(([name, count]) => `${name}×${count}`).join(' '),
      'RCU mean': mean((usage) => usage.readCapacityUnits),
      'WCU mean': mean((usage) => usage.writeCapacityUnits),
      'WCU recording mean': mean((usage) => consumerWcu(usage, true)),
      'WCU change mean': mean(changeWcu),
      'WCU followers mean': mean((usage) => consumerWcu(usage, false)),
      scans,
    });
    const limit = reads ? READ_BUDGET : WRITE_BUDGET;
    budgets.push({ subject: `requests, ${routeKey}`, limit: `≤ ${limit} (${reads ? 'read' : 'write'})`, measured: maxRequests, pass: maxRequests <= limit });
    if (scans > 0 && !SCAN_ALLOWED.has(routeKey)) budgets.push({ subject: `scans, ${routeKey}`, limit: '0', measured: scans, pass: false });
  }

  // Every route of a service the scenario drives must be driven, or its cost is not known.
  const routeFunctions = functions.filter((fn) => fn.route);
  const routeKeyOf = (fn: ServiceFunction) => `${fn.route!.method} ${fn.route!.path}`;
  const coverage = scenarioCoverage(routeFunctions, new Set([...usages.values()].map((usage) => usage.functionId)));
  const notMeasured: NotMeasured[] = [];
  const undriven: string[] = [];
  for (const fn of routeFunctions.filter((candidate) => !usages.has(routeKeyOf(candidate)))) {
    const reason = coverage.notMeasuredReason(fn);
    if (reason) notMeasured.push({ subject: `requests, ${routeKeyOf(fn)}`, reason });
    else undriven.push(routeKeyOf(fn));
  }
  const expected = usages.size + undriven.length;
  budgets.push({ subject: `routes the scenario drives${undriven.length > 0 ? ` (missing: ${undriven.join(', ')})` : ''}`, limit: 'all', measured: `${usages.size} of ${expected}`, pass: undriven.length === 0 });
  for (const [change, applies] of Object.entries(WCU_BUDGETED)) {
    const calls = [...usages].flatMap(([routeKey, entry]) => (applies(routeKey) ? entry.calls : []));
    if (calls.length === 0) {
      notMeasured.push({ subject: `WCU mean per ${change}`, reason: 'the scenario made no such change' });
      continue;
    }
    const meanWcu = round(calls.reduce((total, usage) => total + changeWcu(usage), 0) / calls.length, 2);
    budgets.push({ subject: `WCU mean per ${change} (${calls.length} calls)`, limit: `≤ ${WCU_BUDGET}`, measured: meanWcu, pass: meanWcu <= WCU_BUDGET });
  }
  const totalScans = rows.reduce((total, row) => total + Number(row.scans), 0);
  budgets.push({ subject: 'Scans on all routes (no admin exports exist)', limit: '0', measured: totalScans, pass: totalScans === 0 });
  return { rows, budgets, notMeasured };
}
