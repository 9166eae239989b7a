// The order of the services' nested stacks: each after the services whose resources it uses, and a clear refusal
// when services use each other in a cycle.
import { describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { IDEMPOTENCY_TABLE, type FunctionDescription, type PlatformDescription, type ServiceDescription } from '../../functions/shared/service-description.ts';
import { orderServices } from '../../lib/constructs/service-order.ts';

const entry = 'test/fixtures/infra/list-permits.ts';
const withServices = (...services: ServiceDescription[]): PlatformDescription => ({ sharedTables: [IDEMPOTENCY_TABLE], services });
const service = (name: string, functions: FunctionDescription[] = [], extra: Partial<ServiceDescription> = {}): ServiceDescription => ({
  name,
  tables: [{ id: `${name}-table`, partitionKey: 'pk', timeToLiveAttribute: 'expiresAt', outbox: true }],
  functions,
  ...extra,
});
const names = (description: PlatformDescription) => orderServices(description).map((entry) => entry.name);

describe('the order of the services', () => {
  it('puts each service of the real platform after the services it uses', () => {
    const order = names(platform);
    expect(order).toHaveLength(platform.services.length);
    const before = (used: string, user: string) => expect(order.indexOf(used), `${used} before ${user}`).toBeLessThan(order.indexOf(user));
    before('reference-data', 'civil-status');
    before('civil-status', 'documents');
    before('documents', 'permits');
    before('reference-data', 'permits');
  });

  it("keeps the description's order where no use decides it", () => {
    expect(names(withServices(service('c'), service('a'), service('b')))).toEqual(['c', 'a', 'b']);
  });

  it('counts tables, buckets, signing keys, outbox streams and the functions a workflow calls as uses', () => {
    const description = withServices(
      service('signs', [{ id: 'Sign', entry, signingKeys: { key: 'sign' } }]),
      service('consumes', [{ id: 'Consume', entry, consumes: [{ tableId: 'owner-table', eventTypes: ['thing.happened'] }] }]),
      service('workflows', [], { stateMachines: [{ id: 'flow', definitionFile: 'x.asl.json', substitutions: { Fn: { functionId: 'OwnerFunction' } } }] }),
      service('stores', [{ id: 'Store', entry, buckets: { files: 'append' } }]),
      service('owner', [{ id: 'OwnerFunction', entry }], { buckets: [{ id: 'files' }], signingKeys: [{ id: 'key', description: 'a key' }] }),
    );
    expect(names(description)).toEqual(['owner', 'signs', 'consumes', 'workflows', 'stores']);
  });

  it("does not count starting another service's workflow as a use: functions start them by name", () => {
    const description = withServices(
      service('first', [{ id: 'StartSecond', entry, startsStateMachines: ['second-flow'] }], { stateMachines: [{ id: 'first-flow', definitionFile: 'x.asl.json' }] }),
      service('second', [{ id: 'StartFirst', entry, startsStateMachines: ['first-flow'] }], { stateMachines: [{ id: 'second-flow', definitionFile: 'x.asl.json' }] }),
    );
    expect(names(description)).toEqual(['first', 'second']);
  });

  it('refuses a cycle, naming the services and the uses that close it', () => {
    const description = withServices(
      service('alone'),
      service('a', [{ id: 'UseB', entry, tables: { 'b-table': 'read' } }]),
      service('b', [{ id: 'UseC', entry, consumes: [{ tableId: 'c-table', eventTypes: ['c.changed'] }] }]),
      service('c', [{ id: 'UseA', entry, tables: { 'a-table': 'append' } }]),
    );
    expect(() => orderServices(description)).toThrow(
      'The services use each other\'s resources in a cycle (a → b → c → a): Function UseB of a reads table "b-table"; ' +
        'Function UseC of b consumes the events of table "c-table"; Function UseA of c appends to table "a-table". ' +
        'Each nested stack is deployed after the stacks whose resources it uses, so the uses must go one way',
    );
  });

  it('refuses a workflow that calls a function nobody declares', () => {
    const description = withServices(service('a', [], { stateMachines: [{ id: 'flow', definitionFile: 'x.asl.json', substitutions: { Fn: { functionId: 'Missing' } } }] }));
    expect(() => orderServices(description)).toThrow('State machine flow refers to function "Missing", which the platform description does not declare');
  });

  it('refuses a subscription to no event type', () => {
    const description = withServices(service('a', [{ id: 'Consume', entry, consumes: [{ tableId: 'a-table', eventTypes: [] }] }]));
    expect(() => orderServices(description)).toThrow('Function Consume subscribes to no event type of table "a-table"');
  });
});
