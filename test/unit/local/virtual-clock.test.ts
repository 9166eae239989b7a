// The virtual clock: offset time, timers fired in due order at their instant, and jumps that wait for the work they wake.
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addIsoDuration, VirtualClock } from '../../../lib/local/virtual-clock.ts';

const START = new Date('2026-03-02T08:00:00.000Z');
const DAY_MS = 86_400_000;

/** Wall time keeps flowing while work runs, so "at an instant" means within a few real milliseconds of it. */
const WALL_TOLERANCE_MS = 250;

function daysAfterStart(days: number): Date {
  return new Date(START.getTime() + days * DAY_MS);
}

function msSinceStart(clock: VirtualClock): number {
  return clock.now().getTime() - START.getTime();
}

const clocks: VirtualClock[] = [];

function newClock(startAt: Date | 'wall clock' = START): VirtualClock {
  const clock = startAt === 'wall clock' ? new VirtualClock() : new VirtualClock(startAt);
  clocks.push(clock);
  return clock;
}

afterEach(() => {
  for (const clock of clocks.splice(0)) clock.dispose();
});

describe('VirtualClock time', () => {
  it('starts at the wall clock by default and lets time pass normally', async () => {
    const clock = newClock('wall clock');
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(WALL_TOLERANCE_MS);

    const before = clock.now().getTime();
    await delay(30);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(29);
  });

  it('starts at a given instant and keeps the offset while advancing', async () => {
    const clock = newClock();
    expect(msSinceStart(clock)).toBeLessThan(WALL_TOLERANCE_MS);

    await clock.advance('P16D');
    expect(msSinceStart(clock) - 16 * DAY_MS).toBeGreaterThanOrEqual(0);
    expect(msSinceStart(clock) - 16 * DAY_MS).toBeLessThan(WALL_TOLERANCE_MS);

    await clock.set(new Date('2026-06-01T00:00:00.000Z'));
    expect(clock.now().getTime() - Date.parse('2026-06-01T00:00:00.000Z')).toBeLessThan(WALL_TOLERANCE_MS);
  });

  it('refuses to move backwards', async () => {
    const clock = newClock();
    await expect(clock.set(daysAfterStart(-1))).rejects.toThrow(/only moves forward/);
    await expect(clock.set(new Date('not a date'))).rejects.toThrow(/Invalid date/);
  });

  it('rejects invalid durations clearly', async () => {
    const clock = newClock();
    for (const invalid of ['16D', 'P', 'PT', 'P1DT', '-P1D', 'P1.5M', 'PT1.5H30M', 'P1D2H', 'p1d']) {
      await expect(clock.advance(invalid), invalid).rejects.toThrow(/Invalid ISO 8601 duration/);
    }
  });
});

describe('addIsoDuration', () => {
  const base = new Date('2026-01-31T10:00:00.000Z');

  it.each([
    ['PT2H', '2026-01-31T12:00:00.000Z'],
    ['P1DT12H', '2026-02-01T22:00:00.000Z'],
    ['P1W', '2026-02-07T10:00:00.000Z'],
    ['P16D', '2026-02-16T10:00:00.000Z'],
    ['PT0.5S', '2026-01-31T10:00:00.500Z'],
    ['PT1,5M', '2026-01-31T10:01:30.000Z'],
    ['P1M', '2026-02-28T10:00:00.000Z'],
    ['P1Y1M', '2027-02-28T10:00:00.000Z'],
    ['P2M', '2026-03-31T10:00:00.000Z'],
    ['P0D', '2026-01-31T10:00:00.000Z'],
  ])('adds %s', (duration, expected) => {
    expect(addIsoDuration(base, duration).toISOString()).toBe(expected);
  });

  it('clamps a month added to the 31st of January of a leap year to February 29', () => {
    expect(addIsoDuration(new Date('2028-01-31T00:00:00.000Z'), 'P1M').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('VirtualClock timers', () => {
  it('fires due timers in due order, standing at each due instant', async () => {
    const clock = newClock();
    const wakeUps: { day: number; elapsedMs: number }[] = [];
    for (const day of [9, 3, 6, 20]) {
      void clock.runTracked(async () => {
        await clock.sleepUntil(daysAfterStart(day));
        wakeUps.push({ day, elapsedMs: msSinceStart(clock) });
      });
    }

    await clock.advance('P16D');

    expect(wakeUps.map(({ day }) => day)).toEqual([3, 6, 9]);
    for (const { day, elapsedMs } of wakeUps) {
      expect(elapsedMs - day * DAY_MS).toBeGreaterThanOrEqual(0);
      expect(elapsedMs - day * DAY_MS).toBeLessThan(WALL_TOLERANCE_MS);
    }
  });

  it('resolves immediately for an instant already reached', async () => {
    const clock = newClock();
    await expect(clock.sleepUntil(daysAfterStart(-1))).resolves.toBeUndefined();
  });

  it('waits for the work a timer started, including timers that work schedules within the jump', async () => {
    const clock = newClock();
    const steps: string[] = [];
    const work = clock.runTracked(async () => {
      await clock.sleepUntil(daysAfterStart(5));
      steps.push(`woke on day ${Math.floor(msSinceStart(clock) / DAY_MS)}`);
      await delay(40);
      steps.push('finished slow work');
      await clock.sleepUntil(new Date(clock.now().getTime() + 5 * DAY_MS));
      steps.push(`woke on day ${Math.floor(msSinceStart(clock) / DAY_MS)}`);
      await clock.runTracked(() => delay(40));
      steps.push('finished nested tracked work');
      await clock.sleepUntil(daysAfterStart(30));
      steps.push('woke on day 30');
    });

    await clock.advance('P16D');

    expect(steps).toEqual(['woke on day 5', 'finished slow work', 'woke on day 10', 'finished nested tracked work']);
    await clock.advance('P14D');
    await work;
    expect(steps.at(-1)).toBe('woke on day 30');
  });

  it('waits for work started before the jump to park before reading timers', async () => {
    const clock = newClock();
    let woke = false;
    void clock.runTracked(async () => {
      await delay(30);
      await clock.sleepUntil(daysAfterStart(2));
      woke = true;
    });

    await clock.advance('P3D');

    expect(woke).toBe(true);
  });

  it('settles when tracked work finishes or parks on a future timer', async () => {
    const clock = newClock();
    const events: string[] = [];
    void clock.runTracked(async () => {
      await delay(30);
      events.push('parking');
      await clock.sleepUntil(daysAfterStart(100));
    });

    await clock.settled();

    expect(events).toEqual(['parking']);
  });

  it('fires a timer when the wall clock reaches it', async () => {
    const clock = newClock();
    const started = Date.now();

    await clock.sleepUntil(new Date(clock.now().getTime() + 60));

    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('does not fire a timer beyond the range of one real setTimeout early', async () => {
    const clock = newClock();
    let woke = false;
    void clock.sleepUntil(daysAfterStart(30)).then(() => {
      woke = true;
    });

    await delay(30);

    expect(woke).toBe(false);
  });

  it('keeps tracking work that outlives the tracked work that started it', async () => {
    const clock = newClock();
    let finished = false;
    await clock.runTracked(() => {
      void clock.runTracked(async () => {
        await delay(40);
        finished = true;
      });
    });

    await clock.settled();

    expect(finished).toBe(true);
  });

  it('rejects a sleeper with the reason of its aborted signal and stops counting it', async () => {
    const clock = newClock();
    const controller = new AbortController();
    const sleeping = clock.sleepUntil(daysAfterStart(1), controller.signal);

    controller.abort(new Error('execution stopped'));

    await expect(sleeping).rejects.toThrow('execution stopped');
    await expect(clock.sleepUntil(daysAfterStart(1), controller.signal)).rejects.toThrow('execution stopped');
  });

  it('does not wake an aborted sleeper when advancing', async () => {
    const clock = newClock();
    const controller = new AbortController();
    const outcomes: string[] = [];
    void clock.runTracked(() =>
      clock.sleepUntil(daysAfterStart(1), controller.signal).then(
        () => outcomes.push('woke'),
        () => outcomes.push('aborted'),
      ),
    );
    await clock.settled();

    controller.abort();
    await clock.advance('P2D');

    expect(outcomes).toEqual(['aborted']);
  });

  it('does not count a deadline as parking the work that set it', async () => {
    const clock = newClock();
    const events: string[] = [];
    void clock.runTracked(async () => {
      void clock.deadline(daysAfterStart(10)).then(() => events.push('deadline reached'));
      await delay(40);
      events.push('busy work done');
    });

    await clock.settled();
    expect(events).toEqual(['busy work done']);

    await clock.advance('P10D');
    expect(events).toEqual(['busy work done', 'deadline reached']);
  });

  it('queues jumps behind each other', async () => {
    const clock = newClock();
    const wakeUps: number[] = [];
    for (const day of [1, 3]) {
      void clock.runTracked(async () => {
        await clock.sleepUntil(daysAfterStart(day));
        wakeUps.push(day);
      });
    }

    await Promise.all([clock.advance('P2D'), clock.advance('P2D')]);

    expect(wakeUps).toEqual([1, 3]);
    expect(msSinceStart(clock) - 4 * DAY_MS).toBeGreaterThanOrEqual(0);
  });
});

describe('VirtualClock quiescence', () => {
  it('drains until nothing is delivered, and says whether anything was', async () => {
    const clock = newClock();
    let pending = 2;
    clock.addDrain(async () => (pending > 0 ? (pending -= 1, true) : false));

    expect(await clock.quiescent()).toBe(true);
    expect(pending).toBe(0);
    expect(await clock.quiescent()).toBe(false);
  });
});
