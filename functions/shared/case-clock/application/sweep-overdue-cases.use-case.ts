// The nightly repair of a context's deadlines: every case whose due instant passed while its clock still shows
// running (its workflow was lost, failed, or never started) is checked now, so none stays silently overdue.
import type { Page } from '../../http/pagination.ts';
import { DEADLINE_SHARDS } from '../domain/deadline-shards.ts';
import type { DeadlineCheck } from '../domain/deadline-check.ts';

/** The context's sparse index of running clocks, one partition per shard. */
export interface OpenDeadlineIndex {
  /** One page of the cases of `shard` whose clock runs and whose due instant is before `instant`, oldest due first. */
  openDueBefore(shard: number, instant: Date, page: { readonly limit: number; readonly cursor?: string }): Promise<Page<string>>;
}

/** The context's deadline check (the one its workflow calls): it records the lapse of a case whose deadline has passed. */
export type CheckDeadline = (subject: string) => Promise<DeadlineCheck>;

export interface SweepResult {
  readonly checked: number;
  readonly lapsed: number;
}

/** Some cases, or some shards, could not be checked; every other case was. The sweep's workflow fails, which raises its alarm. */
export class SweepIncompleteError extends Error {
  constructor(
    readonly failures: number,
    readonly result: SweepResult,
    cause: unknown,
  ) {
    super(`${failures} check(s) or shard read(s) failed (${result.checked} cases checked, ${result.lapsed} lapsed); the first error is the cause`, { cause });
    this.name = 'SweepIncompleteError';
  }
}

/**
 * Checks every case due before `instant`, all shards at once, each shard one page after another (a case the check
 * lapses leaves the index; paging on from the last key read never reads a case twice, nor loops on one that stays).
 * A failed check is passed over, and a failed read ends only its shard, so one broken case never holds back the others.
 */
export async function sweepOverdueCases(index: OpenDeadlineIndex, check: CheckDeadline, instant: Date, pageSize = 100): Promise<SweepResult> {
  let checked = 0;
  let lapsed = 0;
  const failures: unknown[] = [];
  const checkOne = async (subject: string) => {
    try {
      if ((await check(subject)).state === 'lapsed') lapsed += 1;
      checked += 1;
    } catch (error) {
      failures.push(error);
    }
  };
  const sweepShard = async (shard: number) => {
    let cursor: string | undefined;
    try {
      do {
        const page = await index.openDueBefore(shard, instant, { limit: pageSize, ...(cursor && { cursor }) });
        for (const subject of page.items) await checkOne(subject);
        cursor = page.nextCursor;
      } while (cursor);
    } catch (error) {
      failures.push(error);
    }
  };
  await Promise.all(DEADLINE_SHARDS.map(sweepShard));
  const result = { checked, lapsed };
  if (failures.length > 0) throw new SweepIncompleteError(failures.length, result, failures[0]);
  return result;
}
