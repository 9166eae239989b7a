// The ports the civil-status use cases need: storage of acts, their actions, search entries and reads.
import type { Page } from '../../shared/http/pagination.ts';
import type { ActAction, ActChange, CivilAct } from '../domain/civil-act.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** One way to find an act by name: the family-name and given-name keys of one spelling family. */
export interface NameKey {
  readonly family: string;
  readonly given: string;
}

/** What a search returns about an act, enough to rank and show a candidate without reading the act. */
export interface ActSummary {
  readonly actId: string;
  readonly type: CivilAct['type'];
  readonly office: string;
  readonly legacy: CivilAct['legacy'];
  readonly person: Pick<CivilAct['person'], 'givenName' | 'familyName' | 'sex' | 'birthDate' | 'father' | 'mother' | 'civilId'>;
}

/** Who read which act, and why (Law 09-08). */
export interface ActRead {
  readonly actId: string;
  readonly by: string;
  readonly role: string;
  readonly reason: string;
  readonly at: string;
  readonly requestId: string;
}

export interface CivilStatusRepository {
  /**
   * Writes a new act with its first action and search entries, claiming its legacy reference and civil
   * identifier at once: a reference or identifier already taken fails the whole write (ConflictError, with `taken`).
   */
  create(change: ActChange, nameKeys: readonly NameKey[]): Promise<void>;
  get(id: string): Promise<CivilAct | undefined>;
  /** The birth act that gave this civil identifier. */
  getByCivilId(civilId: string): Promise<CivilAct | undefined>;
  recordRead(read: ActRead): Promise<void>;
  actions(id: string, page: PageRequest): Promise<Page<ActAction & { version: number }>>;
  /** Candidates whose family key matches and whose given key starts with `givenPrefix`, optionally born in `birthYear`. */
  findByName(key: { family: string; given?: string; birthYear?: number }, limit: number): Promise<ActSummary[]>;
  accessLog(actId: string, page: PageRequest): Promise<Page<ActRead>>;
}
