// Key builders of the registry-office table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import type { CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import type { TableDescription } from '../../shared/service-description.ts';
import { letterStanding } from '../domain/letter-deadline.ts';
import type { Letter } from '../domain/letter.ts';
import { awaitedSteps, stepPeople } from '../domain/letter-steps.ts';
import type { Register } from '../domain/letter-number.ts';

export const REGISTRY_OFFICE_TABLE_ID = 'registry-office';

/** Sequences sort as strings in the register index: padded to the widest a register's year can reach. */
const SEQUENCE_SORT_DIGITS = 10;

/** What "where is my letter" answers, and nothing more: the index copies these of each letter. */
export const STANDING_ATTRIBUTES = ['number', 'commune', 'register', 'receivedAt', 'status', 'lookupCodeDigest', 'cancellation', 'answer'] as const;

export const REGISTRY_OFFICE_INDEXES = {
  /** A register's year in number order; keys only: the list then reads the letters. */
  byRegister: { name: 'byRegister', partitionKey: 'registerPk', sortKey: 'registerSk', projection: 'keys-only' },
  /** A letter by its number in its commune, with its standing, for the public lookup (one Query, found or not). */
  byNumber: { name: 'byNumber', partitionKey: 'numberPk', projection: { include: STANDING_ATTRIBUTES } },
  /** Sparse: a service's open letters (assigned or answered), oldest routed first; keys only. */
  byServiceQueue: { name: 'byServiceQueue', partitionKey: 'queuePk', sortKey: 'queueSk', projection: 'keys-only' },
  /** Sparse: the kit's open-deadline index, letters whose deadline runs, in the shard of their id, by due instant. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
  /**
   * Sparse: a commune's letters still open past their deadline, by service then due instant, with their number: one
   * Query lists them and counts them per service.
   */
  overdueByCommune: { name: 'overdueByCommune', partitionKey: 'overduePk', sortKey: 'overdueSk', projection: { include: ['number'] } },
  /** Sparse: the step items of the letters awaiting a person's opinion, approval or signature, oldest asked first; keys only. */
  byAwaitingStep: { name: 'byAwaitingStep', partitionKey: 'awaitingPk', sortKey: 'awaitingSk', projection: 'keys-only' },
} as const;

export const registryOfficeKeys = {
  letter: (id: string) => ({ pk: `LETTER#${id}`, sk: 'LETTER' }),
  history: (id: string) => ({ pk: `LETTER#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `LETTER#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  /** The last number given in a register's year: moved in the transaction of each registration. */
  counter: (commune: string, register: Register, year: number) => ({ pk: `COUNTER#${commune}#${register}#${year}`, sk: 'COUNTER' }),
  settings: (commune: string) => ({ pk: `SETTINGS#${commune}`, sk: 'SETTINGS' }),
  /** Each version of a commune's settings as it was set, kept beside the current one (never overwritten). */
  settingsVersion: (commune: string, version: number) => ({ pk: `SETTINGS#${commune}`, sk: `VERSION#${String(version).padStart(6, '0')}` }),
  settingsHistory: (commune: string) => ({ pk: `SETTINGS#${commune}`, skPrefix: 'VERSION#' }),
  register: (commune: string, register: Register, year: number) => `REGISTER#${commune}#${register}#${year}`,
  number: (commune: string, number: string) => `NUMBER#${commune}#${number}`,
  queue: (commune: string, service: string) => `QUEUE#${commune}#${service}`,
  open: (shard: number) => openDeadlinePartition(shard),
  /** A search token's entries in a commune's year. */
  search: (commune: string, year: number, token: string) => `SEARCH#${commune}#${year}#${token}`,
  /** `<receipt instant in UTC>#<id>`: a token's entries by receipt instant (UTC sorts as time does, offsets do not). */
  searchEntry: (letter: Pick<Letter, 'commune' | 'year' | 'receivedAt' | 'id'>, token: string) => ({
    pk: `SEARCH#${letter.commune}#${letter.year}#${token}`,
    sk: `${new Date(letter.receivedAt).toISOString()}#${letter.id}`,
  }),
  overdue: (commune: string) => `OVERDUE#${commune}`,
  /** One item per person a letter's steps concern, beside the letter; listed in `byAwaitingStep` while awaited. */
  step: (id: string, sub: string) => ({ pk: `LETTER#${id}`, sk: `STEP#${sub}` }),
  awaiting: (commune: string, sub: string) => `AWAITING#${commune}#${sub}`,
  /** The letter and its acknowledgment's entry, read together by `begins_with(sk, LETTER)`. */
  letterAndAcknowledgment: (id: string) => ({ pk: `LETTER#${id}`, skPrefix: 'LETTER' }),
  /** Written once the acknowledgment is issued, beside the letter: the consumer never rewrites the letter. */
  acknowledgment: (id: string) => ({ pk: `LETTER#${id}`, sk: 'LETTER#ACKNOWLEDGMENT' }),
} as const;

/** The step items of a letter as it stands: each awaited one in its person's queue, by when it was asked. */
export function stepItems(letter: Letter): Record<string, unknown>[] {
  const awaited = new Set(awaitedSteps(letter).map((step) => step.sub));
  // Opinions and approvals are asked at the routing; a signature when the answer is numbered. Both are UTC.
  const askedAt = letter.signature ? new Date(letter.receivedAt).toISOString() : (letter.routing?.routedAt ?? '');
  return stepPeople(letter).map(({ mode, sub }) => ({
    ...registryOfficeKeys.step(letter.id, sub),
    letterId: letter.id,
    mode,
    sub,
    ...(awaited.has(sub) && { awaitingPk: registryOfficeKeys.awaiting(letter.commune, sub), awaitingSk: `${askedAt}#${letter.id}` }),
  }));
}

/** The service a letter overdue before its routing is listed under: the registry office's own desk. */
export const UNROUTED_SERVICE = 'unrouted';

/** `<service>#<due instant in UTC>#<id>`: a commune's overdue letters by service, oldest due first. */
export function overdueSortKey(service: string, dueAt: string, id: string): string {
  return `${service}#${new Date(dueAt).toISOString()}#${id}`;
}

export function parseOverdueSortKey(sortKey: string): { service: string; dueAt: string; id: string } {
  const [service, dueAt, id] = sortKey.split('#');
  return { service: service!, dueAt: dueAt!, id: id! };
}

const OPEN_IN_QUEUE: readonly Letter['status'][] = ['assigned', 'answered'];

export function letterIndexAttributes(letter: Letter): Record<string, string> {
  return {
    registerPk: registryOfficeKeys.register(letter.commune, letter.register, letter.year),
    registerSk: String(letter.sequence).padStart(SEQUENCE_SORT_DIGITS, '0'),
    numberPk: registryOfficeKeys.number(letter.commune, letter.number),
    // Routed instants are UTC (`Z`), so they sort as strings; the receipt instant's offset would not.
    ...(letter.routing && OPEN_IN_QUEUE.includes(letter.status) && { queuePk: registryOfficeKeys.queue(letter.commune, letter.routing.service), queueSk: `${letter.routing.routedAt}#${letter.id}` }),
    ...(letter.clock && deadlineIndexAttributes(letter, letter.clock)),
  };
}

function deadlineIndexAttributes(letter: Letter, clock: CaseClock): Record<string, string> {
  const standing = letterStanding(letter);
  if (standing === 'open') {
    const open = openDeadlineIndexValues(letter.id, clock.dueAt);
    return { openPk: open.partition, dueSk: open.sort };
  }
  if (standing === 'lapsed' && (letter.status === 'registered' || letter.status === 'assigned')) {
    return { overduePk: registryOfficeKeys.overdue(letter.commune), overdueSk: overdueSortKey(letter.routing?.service ?? UNROUTED_SERVICE, clock.dueAt, letter.id) };
  }
  return {};
}

export const LETTER_INDEX_ATTRIBUTES = Object.values(REGISTRY_OFFICE_INDEXES).flatMap((index) => ('sortKey' in index ? [index.partitionKey, index.sortKey] : [index.partitionKey]));

/** Letters, their history events, the registers' counters, the registry settings and the outbox of their events. */
export const REGISTRY_OFFICE_TABLE: TableDescription = {
  id: REGISTRY_OFFICE_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(REGISTRY_OFFICE_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

export const LETTER_DEADLINE_WORKFLOW_ID = 'letter-deadline';
export const LETTER_SWEEP_WORKFLOW_ID = 'letter-deadline-sweep';
