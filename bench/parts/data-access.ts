// Part 2: what every HTTP route asks of DynamoDB in the scenario: requests, operations and consumed capacity,
// counted by an SDK middleware on the platform's DynamoDB client. Budgets: a read route at most 2 requests, a
// mutating one at most 4 (idempotency records included), no Scan outside admin exports (there are none yet), and
// at most 10 write capacity units on average per permit change and per act registration.
import { dynamodbClient } from '../../functions/shared/aws/dynamodb.ts';
import { DynamoDbMeter, emptyUsage, type DynamoDbUsage } from '../core/dynamodb-meter.ts';
import { numberFlag, type Budget, type BenchPart, type Row } from '../core/results.ts';
import { runScenario } from '../core/scenario.ts';
import { platformFunctions } from '../core/bench-platform.ts';
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
/** Routes allowed to Scan: admin exports. The platform has none yet. */
const SCAN_ALLOWED = new Set<string>();

export const dataAccessPart: BenchPart = {
  name: 'data-access',
  description: 'DynamoDB requests and capacity per HTTP route of the scenario (--access-rounds=2)',
  async run(context) {
    const rounds = numberFlag(context, 'access-rounds', 2);
    const bench = await context.platform();
    const meter = new DynamoDbMeter();
    meter.attach(dynamodbClient);
    const usages = new Map<string, { functionId: string; calls: DynamoDbUsage[] }>();
    const call = bench.caller({
      around: (routeKey, work) => {
        const usage = emptyUsage();
        const entry = usages.get(routeKey) ?? { functionId: '', calls: [] };
        entry.calls.push(usage);
        usages.set(routeKey, entry);
        return meter.measure(usage, work);
      },
      observe: ({ routeKey, functionId }) => {
        usages.get(routeKey)!.functionId ||= functionId;
      },
    });
    for (let index = 0; index < rounds; index++) {
      context.log(`data-access: scenario round ${index + 1}/${rounds}`);
      await runScenario(call, bench.local.clock);
    }

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
        scans,
      });
      const limit = reads ? READ_BUDGET : WRITE_BUDGET;
      budgets.push({ subject: `requests, ${routeKey}`, limit: `≤ ${limit} (${reads ? 'read' : 'write'})`, measured: maxRequests, pass: maxRequests <= limit });
      if (scans > 0 && !SCAN_ALLOWED.has(routeKey)) budgets.push({ subject: `scans, ${routeKey}`, limit: '0', measured: scans, pass: false });
    }
    // Every route of the platform must be driven, or its cost is not known.
    const undriven = platformFunctions.flatMap((fn) => (fn.route && !usages.has(`${fn.route.method} ${fn.route.path}`) ? [`${fn.route.method} ${fn.route.path}`] : []));
    budgets.push({ subject: `routes the scenario drives${undriven.length > 0 ? ` (missing: ${undriven.join(', ')})` : ''}`, limit: 'all', measured: `${usages.size} of ${usages.size + undriven.length}`, pass: undriven.length === 0 });
    for (const [change, applies] of Object.entries(WCU_BUDGETED)) {
      const calls = [...usages].flatMap(([routeKey, entry]) => (applies(routeKey) ? entry.calls : []));
      const meanWcu = round(calls.reduce((total, usage) => total + usage.writeCapacityUnits, 0) / calls.length, 2);
      budgets.push({ subject: `WCU mean per ${change} (${calls.length} calls)`, limit: `≤ ${WCU_BUDGET}`, measured: meanWcu, pass: meanWcu <= WCU_BUDGET });
    }
    const totalScans = rows.reduce((total, row) => total + Number(row.scans), 0);
    budgets.push({ subject: 'Scans on all routes (no admin exports exist)', limit: '0', measured: totalScans, pass: totalScans === 0 });
    return {
      part: 'data-access',
      method: `${rounds} rounds of the scenario, handlers invoked in process with payload 2.0 events against DynamoDB Local; requests counted per invocation (max over calls), capacity as DynamoDB Local reports it with ReturnConsumedCapacity=INDEXES (index writes included)`,
      rows,
      budgets,
    };
  },
};
