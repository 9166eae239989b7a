// Part 2: what every HTTP route asks of DynamoDB in the scenario: requests, operations and consumed capacity,
// counted by an SDK middleware on the platform's DynamoDB client; the budgets are in ./data-access.report.ts.
import { dynamodbClient } from '../../functions/shared/aws/dynamodb.ts';
import { DynamoDbMeter, emptyUsage, type DynamoDbUsage } from '../core/dynamodb-meter.ts';
import { numberFlag, type BenchPart } from '../core/results.ts';
import { runScenario } from '../core/scenario.ts';
import { platformFunctions } from '../core/bench-platform.ts';
import { dataAccessReport } from './data-access.report.ts';

export const dataAccessPart: BenchPart = {
  name: 'data-access',
  description: 'DynamoDB requests and capacity per HTTP route of the scenario (--access-rounds=2)',
  async run(context) {
    const rounds = numberFlag(context, 'access-rounds', 2);
    const bench = await context.platform();
    const meter = new DynamoDbMeter();
    meter.attach(dynamodbClient);
    // Each event a consumer handles is charged to the call whose write carried it: messages are handed over one by
    // one (in their order; at the first failure the rest of the batch is failed, as the consumers do themselves).
    bench.local.streams.wrapDeliveries(async (functionId, event, deliver) => {
      for (const [position, record] of event.Records.entries()) {
        const eventId = (JSON.parse(record.body) as { id: string }).id;
        let failed: boolean;
        try {
          const response = await meter.consumerOf(functionId, eventId, () => deliver({ Records: [record] }));
          failed = (response?.batchItemFailures ?? []).length > 0;
        } catch {
          failed = true;
        }
        if (failed) return { batchItemFailures: event.Records.slice(position).map((unhandled) => ({ itemIdentifier: unhandled.messageId })) };
      }
      return { batchItemFailures: [] };
    });
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
    // What the scenario's changes caused reaches their consumers before the figures are added up (DynamoDB Local's
    // stream may show a record a moment after a settle made at once: a few more passes a moment apart).
    for (let pass = 0; pass < 4; pass += 1) {
      await bench.local.clock.quiescent();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const { rows, budgets, notMeasured } = dataAccessReport(platformFunctions, usages);
    return {
      part: 'data-access',
      method: `${rounds} rounds of the scenario, handlers invoked in process with payload 2.0 events against DynamoDB Local; requests counted per invocation (max over calls), capacity with ReturnConsumedCapacity=INDEXES, index writes as DynamoDB Local reports them, table writes billed as DynamoDB bills them (a transaction 2 units per started KB of each item, a single write 1, at the larger of the sizes before and after; Local undercounts transactions); the writes of the consumers of the events a call's write carried are charged to that call, per consumer`,
      rows,
      budgets,
      notMeasured,
    };
  },
};
