// The pause before a registration tries again at a number another one took first.
import { setTimeout as delay } from 'node:timers/promises';

const BASE_MS = 4;
const CAP_MS = 250;

/**
 * Exponential backoff with full jitter: registrations that met on one number spread out over a window that doubles
 * with each attempt (capped), so each round lets some through instead of all of them colliding again, and the
 * register's counter is not hammered by retries.
 */
export function jitteredPause(attempt: number): Promise<void> {
  return delay(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));
}
