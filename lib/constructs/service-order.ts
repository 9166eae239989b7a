// In which order the services' nested stacks are built and deployed. A service comes after every service whose
// tables, buckets, signing keys, functions or outbox streams it uses: CloudFormation must create those first, and
// CDK hands them to its nested stack through the parent. Starting another service's workflow is no such use, since
// functions start state machines by their name-derived ARN.
import {
  IDEMPOTENCY_TABLE,
  type FunctionDescription,
  type PlatformDescription,
  type ServiceDescription,
  type StateMachineDescription,
  type TableDescription,
} from '../../functions/shared/service-description.ts';

type ResourceKind = 'table' | 'bucket' | 'signing key' | 'function' | 'state machine';

/** One reference of a service to a resource of the platform, worded for messages. */
interface Use {
  /** `Function FilePermit`, `State machine permit-deadline`. */
  readonly user: string;
  readonly verb: string;
  readonly kind: ResourceKind;
  readonly id: string;
}

interface Dependency {
  readonly on: string;
  readonly because: string;
}

/** Who declares each id: a service's name, or `undefined` for the shared tables of the foundation stack. */
type Owners = Record<ResourceKind, Map<string, string | undefined>>;

/**
 * The services of the description, each after the services it uses (otherwise in the description's order).
 * Throws, naming the reference, when one points at nothing, consumes a table without an outbox, or when the
 * services use each other in a cycle.
 */
export function orderServices(platform: PlatformDescription): ServiceDescription[] {
  const owners = ownersOf(platform);
  const tables = new Map<string, TableDescription>(
    [...platform.sharedTables, ...platform.services.flatMap((service) => service.tables ?? [])].map((table) => [table.id, table]),
  );
  const dependencies = new Map<string, Dependency[]>();
  for (const service of platform.services) {
    const ofService: Dependency[] = [];
    for (const use of usesOf(service)) {
      if (!owners[use.kind].has(use.id)) {
        throw new Error(`${use.user} refers to ${use.kind} "${use.id}", which the platform description does not declare`);
      }
      const owner = owners[use.kind].get(use.id);
      if (owner !== undefined && owner !== service.name && use.kind !== 'state machine') {
        ofService.push({ on: owner, because: `${use.user} of ${service.name} ${use.verb} ${use.kind} "${use.id}"` });
      }
    }
    for (const fn of service.functions) checkSubscriptions(fn, tables);
    dependencies.set(service.name, ofService);
  }
  return sortByDependencies(platform.services, dependencies);
}

function ownersOf(platform: PlatformDescription): Owners {
  const owners: Owners = {
    table: new Map(),
    bucket: new Map(),
    'signing key': new Map(),
    function: new Map(),
    'state machine': new Map(),
  };
  const declare = (kind: ResourceKind, id: string, owner: string | undefined) => {
    if (owners[kind].has(id)) throw new Error(`The platform description declares ${kind} "${id}" twice`);
    owners[kind].set(id, owner);
  };
  for (const table of platform.sharedTables) declare('table', table.id, undefined);
  for (const service of platform.services) {
    for (const table of service.tables ?? []) declare('table', table.id, service.name);
    for (const bucket of service.buckets ?? []) declare('bucket', bucket.id, service.name);
    for (const key of service.signingKeys ?? []) declare('signing key', key.id, service.name);
    for (const fn of service.functions) declare('function', fn.id, service.name);
    for (const machine of service.stateMachines ?? []) declare('state machine', machine.id, service.name);
  }
  return owners;
}

function usesOf(service: ServiceDescription): Use[] {
  return [...service.functions.flatMap(usesOfFunction), ...(service.stateMachines ?? []).flatMap(usesOfStateMachine)];
}

function usesOfFunction(fn: FunctionDescription): Use[] {
  const user = `Function ${fn.id}`;
  const verbs = { read: 'reads', write: 'writes', append: 'appends to' } as const;
  return [
    ...Object.entries(fn.tables ?? {}).map(([id, access]): Use => ({ user, verb: verbs[access], kind: 'table', id })),
    ...(fn.route?.idempotent === true ? [{ user, verb: 'keeps idempotency records in', kind: 'table', id: IDEMPOTENCY_TABLE.id } as const] : []),
    ...Object.entries(fn.buckets ?? {}).map(([id, access]): Use => ({ user, verb: verbs[access], kind: 'bucket', id })),
    ...Object.entries(fn.signingKeys ?? {}).map(([id, access]): Use => ({ user, verb: access === 'sign' ? 'signs with' : 'verifies with', kind: 'signing key', id })),
    ...(fn.startsStateMachines ?? []).map((id): Use => ({ user, verb: 'starts', kind: 'state machine', id })),
    ...(fn.consumes ?? []).map((subscription): Use => ({ user, verb: 'consumes the events of', kind: 'table', id: subscription.tableId })),
  ];
}

function usesOfStateMachine(machine: StateMachineDescription): Use[] {
  const user = `State machine ${machine.id}`;
  return Object.values(machine.substitutions ?? {}).map((target): Use =>
    'functionId' in target
      ? { user, verb: 'calls', kind: 'function', id: target.functionId }
      : 'tableId' in target
        ? { user, verb: 'writes', kind: 'table', id: target.tableId }
        : { user, verb: 'reads', kind: 'bucket', id: target.bucketId },
  );
}

function checkSubscriptions(fn: FunctionDescription, tables: ReadonlyMap<string, TableDescription>): void {
  for (const subscription of fn.consumes ?? []) {
    if (tables.get(subscription.tableId)?.outbox !== true) {
      throw new Error(`Function ${fn.id} consumes the events of table "${subscription.tableId}", which declares no outbox (outbox: true)`);
    }
    if (subscription.eventTypes.length === 0) {
      throw new Error(`Function ${fn.id} subscribes to no event type of table "${subscription.tableId}"`);
    }
  }
}

/** Each service after those it depends on, keeping the description's order where there is a choice. */
function sortByDependencies(services: readonly ServiceDescription[], dependencies: ReadonlyMap<string, readonly Dependency[]>): ServiceDescription[] {
  const placed = new Set<string>();
  const ordered: ServiceDescription[] = [];
  while (ordered.length < services.length) {
    const next = services.find((service) => !placed.has(service.name) && dependencies.get(service.name)!.every((dependency) => placed.has(dependency.on)));
    if (next === undefined) throw new Error(cycleMessage(services.filter((service) => !placed.has(service.name)), dependencies, placed));
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/** Follows unplaced dependencies from a blocked service until one repeats: that loop is the cycle. */
function cycleMessage(blocked: readonly ServiceDescription[], dependencies: ReadonlyMap<string, readonly Dependency[]>, placed: ReadonlySet<string>): string {
  const path: Dependency[] = [];
  const seen = new Map<string, number>();
  let current = blocked[0]!.name;
  while (!seen.has(current)) {
    seen.set(current, path.length);
    const dependency = dependencies.get(current)!.find((candidate) => !placed.has(candidate.on))!;
    path.push(dependency);
    current = dependency.on;
  }
  const cycle = path.slice(seen.get(current));
  const names = [current, ...cycle.map((dependency) => dependency.on)];
  return (
    `The services use each other's resources in a cycle (${names.join(' → ')}): ${cycle.map((dependency) => dependency.because).join('; ')}. ` +
    'Each nested stack is deployed after the stacks whose resources it uses, so the uses must go one way: move the shared ' +
    "resource into one of these services, or let one of them react to the other's events (its outbox) instead."
  );
}
