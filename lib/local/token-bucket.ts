// Route throttling as API Gateway does it: a bucket of `burst` tokens refilled at `ratePerSecond`, one token per
// request, 429 when empty. It runs on real elapsed time, not the virtual clock: it guards a real server.
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    /** Milliseconds from any fixed origin that never goes back. */
    private readonly elapsedMs: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = elapsedMs();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const now = this.elapsedMs();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds until the next token. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond));
  }
}
