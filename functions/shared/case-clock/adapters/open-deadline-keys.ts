// The keys of a context's sparse open-deadline index (a DynamoDB global secondary index): a case carries them
// only while its clock runs, in the partition of its shard, sorted by due instant, so "due before an instant" is
// one range of each shard.
import { deadlineShardOf } from '../domain/deadline-shards.ts';

/** The index partition of one shard. */
export function openDeadlinePartition(shard: number): string {
  return `OPEN#${shard}`;
}

/** The sort keys of a shard's cases due before `instant`: every one is below this bound. */
export function dueBeforeSortKey(instant: Date): string {
  return instant.toISOString();
}

/** The sort keys of a shard's cases due at or after `instant`: every one is at or above this bound. */
export function dueFromSortKey(instant: Date): string {
  return instant.toISOString();
}

/**
 * The index values of a case whose clock runs: its shard's partition, and its due instant in UTC (ISO 8601 in UTC
 * sorts as time does) followed by its id, which keeps cases due at the same instant apart.
 */
export function openDeadlineIndexValues(subject: string, dueAt: string): { readonly partition: string; readonly sort: string } {
  return { partition: openDeadlinePartition(deadlineShardOf(subject)), sort: `${new Date(dueAt).toISOString()}#${subject}` };
}
