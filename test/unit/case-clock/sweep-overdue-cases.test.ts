// The generic sweep over a sharded open-deadline index, against an index in memory that pages as DynamoDB does.
import { describe, expect, it } from 'vitest';
import { SweepIncompleteError, sweepOverdueCases, type OpenDeadlineIndex } from '../../../functions/shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { DEADLINE_SHARD_COUNT, deadlineShardOf } from '../../../functions/shared/case-clock/domain/deadline-shards.ts';
import type { DeadlineCheck } from '../../../functions/shared/case-clock/domain/deadline-check.ts';

const NOW = new Date('2026-12-17T00:30:00Z');

/** Cases by id with their due instant; a case leaves the index when `lapse` removes it. */
class IndexInMemory implements OpenDeadlineIndex {
  readonly reads: { shard: number; cursor?: string }[] = [];
  readonly failingShards = new Set<number>();
  constructor(readonly due: Map<string, string>) {}

  async openDueBefore(shard: number, instant: Date, page: { limit: number; cursor?: string }) {
    this.reads.push({ shard, ...(page.cursor && { cursor: page.cursor }) });
    if (this.failingShards.has(shard)) throw new Error(`shard ${shard} is throttled`);
    const keys = [...this.due]
      .filter(([id, dueAt]) => deadlineShardOf(id) === shard && dueAt < instant.toISOString())
      .map(([id, dueAt]) => `${dueAt}#${id}`)
      .sort()
      .filter((key) => page.cursor === undefined || key > page.cursor);
    const items = keys.slice(0, page.limit);
    return { items: items.map((key) => key.split('#')[1]!), ...(keys.length > page.limit && { nextCursor: items.at(-1)! }) };
  }
}

const ids = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('sweepOverdueCases', () => {
  it('checks every case due before the instant, in every shard, page after page, and counts the lapses', async () => {
    const overdue = ids(250, 'overdue');
    const index = new IndexInMemory(new Map([...overdue.map((id) => [id, '2026-12-16T23:59:59.999Z'] as const), ...ids(40, 'later').map((id) => [id, '2026-12-30T23:59:59.999Z'] as const)]));
    const checked: string[] = [];
    const check = async (subject: string): Promise<DeadlineCheck> => {
      checked.push(subject);
      index.due.delete(subject);
      return { subject, state: 'lapsed' };
    };

    const result = await sweepOverdueCases(index, check, NOW, 5);

    expect(result).toEqual({ checked: 250, lapsed: 250 });
    expect(checked.sort()).toEqual([...overdue].sort());
    expect(new Set(index.reads.map((read) => read.shard)).size).toBe(DEADLINE_SHARD_COUNT);
    expect(index.reads.some((read) => read.cursor !== undefined)).toBe(true);
  });

  it('reads on past a case its check leaves in the index, instead of checking it again and again', async () => {
    const index = new IndexInMemory(new Map(ids(30, 'stuck').map((id) => [id, '2026-12-01T23:59:59.999Z'])));
    const checks = new Map<string, number>();

    const result = await sweepOverdueCases(index, async (subject) => {
      checks.set(subject, (checks.get(subject) ?? 0) + 1);
      return { subject, state: 'closed' };
    }, NOW, 2);

    expect(result).toEqual({ checked: 30, lapsed: 0 });
    expect([...checks.values()].every((count) => count === 1)).toBe(true);
  });

  it('checks every other case when some checks or a shard read fail, then fails with the counts', async () => {
    const cases = ids(64, 'case');
    const index = new IndexInMemory(new Map(cases.map((id) => [id, '2026-12-16T23:59:59.999Z'])));
    const failingShard = deadlineShardOf('case-0');
    index.failingShards.add(failingShard);
    const broken = cases.find((id) => deadlineShardOf(id) !== failingShard)!;
    const reachable = cases.filter((id) => deadlineShardOf(id) !== failingShard);

    const sweeping = sweepOverdueCases(index, async (subject) => {
      if (subject === broken) throw new Error('corrupt item');
      return { subject, state: 'lapsed' };
    }, NOW);

    await expect(sweeping).rejects.toBeInstanceOf(SweepIncompleteError);
    await expect(sweeping).rejects.toMatchObject({ failures: 2, result: { checked: reachable.length - 1, lapsed: reachable.length - 1 } });
  });

  it('answers zero when nothing is overdue, after one read of each shard', async () => {
    const index = new IndexInMemory(new Map());

    expect(await sweepOverdueCases(index, async (subject) => ({ subject, state: 'lapsed' }), NOW)).toEqual({ checked: 0, lapsed: 0 });
    expect(index.reads).toHaveLength(DEADLINE_SHARD_COUNT);
  });
});
