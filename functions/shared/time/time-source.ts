// The one time source of the platform: domain code asks it for `now`, never the wall clock directly.
// Lambda uses the system clock; the local platform installs its virtual clock so time can be fast-forwarded.
export interface TimeSource {
  now(): Date;
}

export const systemTimeSource: TimeSource = { now: () => new Date() };

let current: TimeSource = systemTimeSource;

/** Replace the time source (the local platform's virtual clock, or a fixed clock in tests). */
export function useTimeSource(source: TimeSource): void {
  current = source;
}

export function now(): Date {
  return current.now();
}
