// The pause before a registration tries again at a number another one took first.
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A random pause that grows with the attempt (capped): registrations that met on one number spread out, and each
 * round lets one of them through instead of all of them colliding again.
 */
export function jitteredPause(attempt: number): Promise<void> {
  return delay(Math.random() * Math.min(5 * attempt, 100));
}
