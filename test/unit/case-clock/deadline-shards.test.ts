// The shard of a case in every open-deadline index: stable (stored index entries depend on it), in range, and even.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDeadlineIndexValues, openDeadlinePartition } from '../../../functions/shared/case-clock/adapters/open-deadline-keys.ts';
import { DEADLINE_SHARDS, DEADLINE_SHARD_COUNT, deadlineShardOf } from '../../../functions/shared/case-clock/domain/deadline-shards.ts';

describe('the shard of a case', () => {
  it('never changes for an id: these are FNV-1a values, and index entries already stored sit in these shards', () => {
    // FNV-1a (32 bits): "" is 0x811c9dc5, "a" 0xe40c292c, "foobar" 0xbf9cf968, each modulo 16.
    expect(['', 'a', 'foobar'].map(deadlineShardOf)).toEqual([0x811c9dc5 % 16, 0xe40c292c % 16, 0xbf9cf968 % 16]);
    expect(deadlineShardOf('0b7f8c1e-3d2a-4f5b-9c6d-7e8f9a0b1c2d')).toBe(deadlineShardOf('0b7f8c1e-3d2a-4f5b-9c6d-7e8f9a0b1c2d'));
  });

  it('is one of the shards the sweep reads, for any id', () => {
    expect(DEADLINE_SHARDS).toEqual(Array.from({ length: DEADLINE_SHARD_COUNT }, (_, shard) => shard));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        expect(DEADLINE_SHARDS).toContain(deadlineShardOf(id));
      }),
    );
  });

  it('spreads permit ids (UUIDs) evenly: each shard within 20 % of its share of 16,000 ids', () => {
    const counts = new Array<number>(DEADLINE_SHARD_COUNT).fill(0);
    for (const id of fc.sample(fc.uuid({ version: 4 }), { numRuns: 16_000, seed: 11 })) counts[deadlineShardOf(id)]! += 1;

    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(200);
  });
});

describe('the open-deadline index values', () => {
  it('put a case in its shard partition, sorted by its due instant in UTC then its id', () => {
    const id = '0b7f8c1e-3d2a-4f5b-9c6d-7e8f9a0b1c2d';

    expect(openDeadlineIndexValues(id, '2026-06-15T23:59:59.999+01:00')).toEqual({
      partition: openDeadlinePartition(deadlineShardOf(id)),
      sort: `2026-06-15T22:59:59.999Z#${id}`,
    });
    expect(openDeadlinePartition(7)).toBe('OPEN#7');
  });
});
