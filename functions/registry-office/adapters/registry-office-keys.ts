// Key builders of the registry-office table (access patterns in ../README.md); no key is written by hand elsewhere.
import type { TableDescription } from '../../shared/service-description.ts';
import type { Letter } from '../domain/letter.ts';
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
} as const;

export const registryOfficeKeys = {
  letter: (id: string) => ({ pk: `LETTER#${id}`, sk: 'LETTER' }),
  history: (id: string) => ({ pk: `LETTER#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `LETTER#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  /** The last number given in a register's year: moved in the transaction of each registration. */
  counter: (commune: string, register: Register, year: number) => ({ pk: `COUNTER#${commune}#${register}#${year}`, sk: 'COUNTER' }),
  settings: (commune: string) => ({ pk: `SETTINGS#${commune}`, sk: 'SETTINGS' }),
  register: (commune: string, register: Register, year: number) => `REGISTER#${commune}#${register}#${year}`,
  number: (commune: string, number: string) => `NUMBER#${commune}#${number}`,
  queue: (commune: string, service: string) => `QUEUE#${commune}#${service}`,
} as const;

const OPEN_IN_QUEUE: readonly Letter['status'][] = ['assigned', 'answered'];

export function letterIndexAttributes(letter: Letter): Record<string, string> {
  return {
    registerPk: registryOfficeKeys.register(letter.commune, letter.register, letter.year),
    registerSk: String(letter.sequence).padStart(SEQUENCE_SORT_DIGITS, '0'),
    numberPk: registryOfficeKeys.number(letter.commune, letter.number),
    // Routed instants are UTC (`Z`), so they sort as strings; the receipt instant's offset would not.
    ...(letter.routing && OPEN_IN_QUEUE.includes(letter.status) && { queuePk: registryOfficeKeys.queue(letter.commune, letter.routing.service), queueSk: `${letter.routing.routedAt}#${letter.id}` }),
  };
}

export const LETTER_INDEX_ATTRIBUTES = Object.values(REGISTRY_OFFICE_INDEXES).flatMap((index) => ('sortKey' in index ? [index.partitionKey, index.sortKey] : [index.partitionKey]));

/** Letters, their history events, the registers' counters and the registry settings. */
export const REGISTRY_OFFICE_TABLE: TableDescription = {
  id: REGISTRY_OFFICE_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(REGISTRY_OFFICE_INDEXES),
};
