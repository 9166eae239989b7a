// The open-deadline index of every context is spread over a fixed number of shards, so that no single partition
// takes the writes of the whole nation's running clocks; the sweep reads each shard. A case's shard comes from its
// id alone by a stable hash: any function, any runtime, any year finds the same shard for the same case.

/**
 * Never change it on a deployed platform: the stored index entries would sit in shards the sweep no longer reads.
 * 16 partitions take 16 times the write rate of one (each partition of an index takes about 1,000 writes a second);
 * the sweep pays 16 queries a night, most of them empty.
 */
export const DEADLINE_SHARD_COUNT = 16;

/** Every shard, `0` to `DEADLINE_SHARD_COUNT - 1`. */
export const DEADLINE_SHARDS: readonly number[] = Array.from({ length: DEADLINE_SHARD_COUNT }, (_, shard) => shard);

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/** FNV-1a (32 bits) of the id's UTF-8 bytes: tiny, fixed by its specification, and spreads UUIDs evenly. */
function fnv1a(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash;
}

/** The shard of the case `subject` in every open-deadline index. */
export function deadlineShardOf(subject: string): number {
  return fnv1a(subject) % DEADLINE_SHARD_COUNT;
}
