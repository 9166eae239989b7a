// The local gateway's route throttling: a burst, then the rate, as API Gateway's token bucket allows.
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../lib/local/token-bucket.ts';

describe('TokenBucket', () => {
  it('serves a full burst at once, then refills at the rate and never beyond the burst', () => {
    let elapsedMs = 0;
    const bucket = new TokenBucket(2, 3, () => elapsedMs);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.retryAfterSeconds()).toBe(1);
    elapsedMs += 499;
    expect(bucket.take()).toBe(false);
    elapsedMs += 1;
    expect(bucket.take()).toBe(true);
    elapsedMs += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
