// The local platform's clock: wall time plus an offset that can be fast-forwarded, with timers that fire in
// virtual time and tracking of the work they start, so a test can say "16 days later" and see everything it caused.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ValidationFailedError } from '../../functions/shared/errors/domain-errors.ts';
import type { TimeSource } from '../../functions/shared/time/time-source.ts';

const MILLISECONDS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1_000 } as const;

// setTimeout treats any delay above 2^31-1 ms as 1 ms, so distant timers are armed in slices.
const MAX_REAL_DELAY_MS = 2 ** 30;

const ISO_DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * The instant `duration` (ISO 8601: `P16D`, `PT2H`, `P1DT12H`, `P1W`, `P1M`, `PT0.5S`) after `instant`.
 * Years and months are calendar arithmetic in UTC, clamped to the end of a shorter month (Jan 31 + P1M = Feb 28/29);
 * weeks, days and time components are fixed lengths (a UTC day is always 24 hours). Only the smallest component
 * may carry a fraction, and years and months may not.
 */
export function addIsoDuration(instant: Date, duration: string): Date {
  const match = ISO_DURATION.exec(duration);
  if (!match) {
    throw new ValidationFailedError({
      ar: `مدة ISO 8601 غير صالحة "${duration}": المنتظر صيغة موجبة مثل P16D أو PT2H أو P1DT12H أو P1W أو P1M`,
      fr: `Durée ISO 8601 invalide "${duration}" : attendu une forme positive comme P16D, PT2H, P1DT12H, P1W ou P1M`,
      en: `Invalid ISO 8601 duration "${duration}": expected a positive form such as P16D, PT2H, P1DT12H, P1W or P1M`,
    });
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const fixedParts = [weeks, days, hours, minutes, seconds];
  const lastPresent = fixedParts.findLastIndex((part) => part !== undefined);
  if (fixedParts.some((part, index) => part !== undefined && /[.,]/.test(part) && index !== lastPresent)) {
    throw new ValidationFailedError({
      ar: `مدة ISO 8601 غير صالحة "${duration}": أصغر مكوناتها وحده يقبل الكسور`,
      fr: `Durée ISO 8601 invalide "${duration}" : seule sa plus petite composante peut être fractionnaire`,
      en: `Invalid ISO 8601 duration "${duration}": only its smallest component may have a fraction`,
    });
  }
  const calendarMonths = Number(years ?? 0) * 12 + Number(months ?? 0);
  const fixedMilliseconds = (
    [
      [weeks, MILLISECONDS.W],
      [days, MILLISECONDS.D],
      [hours, MILLISECONDS.H],
      [minutes, MILLISECONDS.M],
      [seconds, MILLISECONDS.S],
    ] as const
  ).reduce((total, [amount, unit]) => total + Number((amount ?? '0').replace(',', '.')) * unit, 0);
  return new Date(addCalendarMonths(instant, calendarMonths).getTime() + Math.round(fixedMilliseconds));
}

function addCalendarMonths(instant: Date, months: number): Date {
  if (months === 0) return instant;
  const shifted = new Date(instant);
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDayOfMonth = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(instant.getUTCDate(), lastDayOfMonth));
  return shifted;
}

/** A unit of tracked work; its children are the tracked work it started itself. */
interface TrackedWork {
  parent: TrackedWork | undefined;
  readonly children: Set<TrackedWork>;
  finished: boolean;
  /** Pending `sleepUntil` calls made from this work (not from its children). */
  parkedSleepers: number;
}

interface Timer {
  readonly due: number;
  readonly sequence: number;
  readonly fire: () => void;
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A `TimeSource` whose `now` is the wall clock plus an offset: time passes normally, and `set`/`advance`
 * jump ahead. Timers (`sleepUntil`) fire in virtual time, either when a jump reaches them or when the wall
 * clock does. A jump fires due timers one instant at a time, in due order, with the clock standing at that
 * instant, and waits for the tracked work (`runTracked`) to settle, and the drains (`addDrain`) to have nothing
 * left to deliver, before moving on: work woken at day 5
 * sees day 5, and whatever it schedules for day 10 fires too when jumping to day 16.
 *
 * Work is settled when it has finished or is parked on a timer. A unit of work counts as parked as soon as
 * it has a pending `sleepUntil` of its own, so work that runs concurrent branches should track each branch
 * with its own `runTracked` for a busy branch to hold the jump. Tracked work must not await a jump or
 * `settled()` itself, since those wait for it.
 */
export class VirtualClock implements TimeSource {
  #offsetMs: number;
  #nextSequence = 0;
  /** Pending timers, sorted by due instant then creation order. */
  readonly #timers: Timer[] = [];
  readonly #rootWork = new Set<TrackedWork>();
  readonly #currentWork = new AsyncLocalStorage<TrackedWork>();
  #changeListeners: (() => void)[] = [];
  readonly #drains: (() => Promise<boolean>)[] = [];
  #realTimer: NodeJS.Timeout | undefined;
  #moving = false;
  #disposed = false;
  #moves: Promise<void> = Promise.resolve();

  /** Starts at `startAt` (any instant, past or future), or at the wall clock. */
  constructor(startAt?: Date) {
    this.#offsetMs = startAt ? validInstant(startAt).getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(this.#nowMs());
  }

  /**
   * Jumps to `instant` (at or after now), firing every timer due on the way. Resolves once they have fired
   * and the work they started has settled. Jumps queue behind each other.
   */
  set(instant: Date): Promise<void> {
    try {
      const target = validInstant(instant).getTime();
      if (target < this.#nowMs()) {
        const [asked, now] = [instant.toISOString(), this.now().toISOString()];
        throw new ValidationFailedError({
          ar: `الساعة الافتراضية لا تتقدم إلا إلى الأمام: ${asked} سابق للآن (${now})`,
          fr: `L'horloge virtuelle n'avance que vers l'avant : ${asked} précède maintenant (${now})`,
          en: `The virtual clock only moves forward: ${asked} is before now (${now})`,
        });
      }
      return this.#enqueueMove(() => target);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Jumps by an ISO 8601 duration (see `addIsoDuration`), counted from where the clock stands when the jump starts. */
  advance(isoDuration: string): Promise<void> {
    try {
      // A malformed duration fails this call rather than the queued jump.
      addIsoDuration(this.now(), isoDuration);
      return this.#enqueueMove(() => addIsoDuration(this.now(), isoDuration).getTime());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Resolves when the clock reaches `instant`; rejects with the signal's reason when aborted first.
   * The calling tracked work counts as parked while it waits.
   */
  sleepUntil(instant: Date, signal?: AbortSignal): Promise<void> {
    return this.#schedule(instant, signal, this.#runningWork());
  }

  /**
   * Like `sleepUntil`, but the caller does not count as parked: for a deadline raced against the caller's
   * own work, which must keep holding jumps while it is busy.
   */
  deadline(instant: Date, signal?: AbortSignal): Promise<void> {
    return this.#schedule(instant, signal, undefined);
  }

  /**
   * Runs `work` as tracked work: jumps and `settled()` wait for it (and for the tracked work it starts)
   * until it finishes or parks on a timer.
   */
  runTracked<T>(work: () => T | Promise<T>): Promise<T> {
    const unit: TrackedWork = {
      parent: this.#runningWork(),
      children: new Set(),
      finished: false,
      parkedSleepers: 0,
    };
    this.#containerOf(unit).add(unit);
    this.#notifyChange();
    const running = this.#currentWork.run(unit, async () => work());
    const finish = (): void => this.#finish(unit);
    running.then(finish, finish);
    return running;
  }

  /** Resolves once every piece of tracked work has finished or is parked on a timer. */
  async settled(): Promise<void> {
    for (;;) {
      // Subscribing before yielding the event loop means no change can slip between the check and the wait.
      const change = this.#nextChange();
      await nextMacrotask();
      if ([...this.#rootWork].every((unit) => this.#isSettled(unit))) return;
      await change;
    }
  }

  /**
   * Adds work that happens outside tracked work but belongs to what a jump waits for: the stream poller, whose
   * `drain` delivers what tracked work wrote and resolves whether it delivered anything.
   */
  addDrain(drain: () => Promise<boolean>): void {
    this.#drains.push(drain);
  }

  /**
   * Resolves once tracked work has settled and every drain has nothing left to deliver: what a change caused
   * (its events, the workflows they start, the notifications they write) has happened. Resolves whether any
   * drain delivered something on the way.
   */
  async quiescent(): Promise<boolean> {
    for (let deliveredAny = false; ; deliveredAny = true) {
      await this.settled();
      let delivered = false;
      for (const drain of this.#drains) if (await drain()) delivered = true;
      if (!delivered) return deliveredAny;
    }
  }

  /** Stops the real timer: pending timers then only fire through `set` and `advance`. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#realTimer);
    this.#realTimer = undefined;
  }

  #nowMs(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Moves the clock to `instant`, unless the wall clock has already carried it further. */
  #standAt(instant: number): void {
    this.#offsetMs = Math.max(this.#offsetMs, instant - Date.now());
  }

  #enqueueMove(targetOf: () => number): Promise<void> {
    const move = this.#moves.then(() => this.#moveTo(targetOf()));
    this.#moves = move.catch(() => undefined);
    return move;
  }

  async #moveTo(target: number): Promise<void> {
    this.#moving = true;
    this.#disarm();
    try {
      await this.quiescent();
      for (
        let next = this.#timers[0];
        next !== undefined && next.due <= Math.max(target, this.#nowMs());
        next = this.#timers[0]
      ) {
        this.#standAt(next.due);
        this.#fireDueTimers();
        await this.quiescent();
      }
      this.#standAt(target);
    } finally {
      this.#moving = false;
      this.#arm();
    }
  }

  #schedule(instant: Date, signal: AbortSignal | undefined, parkedWork: TrackedWork | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const due = validInstant(instant).getTime();
      if (signal?.aborted) return reject(signal.reason);
      if (due <= this.#nowMs()) return resolve();

      const unpark = (): void => {
        if (parkedWork) parkedWork.parkedSleepers -= 1;
        this.#notifyChange();
      };
      const timer: Timer = {
        due,
        sequence: this.#nextSequence++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          unpark();
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#timers.splice(this.#timers.indexOf(timer), 1);
        unpark();
        this.#arm();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (parkedWork) parkedWork.parkedSleepers += 1;
      this.#insert(timer);
      this.#notifyChange();
      this.#arm();
    });
  }

  #insert(timer: Timer): void {
    const index = this.#timers.findIndex(
      (other) => other.due > timer.due || (other.due === timer.due && other.sequence > timer.sequence),
    );
    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);
  }

  #fireDueTimers(): void {
    const now = this.#nowMs();
    while (this.#timers[0] !== undefined && this.#timers[0].due <= now) {
      this.#timers.shift()?.fire();
    }
  }

  /** Arms one real timer for the earliest virtual timer, so the passage of wall time fires it too. */
  #arm(): void {
    this.#disarm();
    const earliest = this.#timers[0];
    if (this.#moving || this.#disposed || earliest === undefined) return;
    const delay = Math.min(Math.max(0, earliest.due - this.#nowMs()), MAX_REAL_DELAY_MS);
    this.#realTimer = setTimeout(() => {
      this.#realTimer = undefined;
      this.#fireDueTimers();
      this.#arm();
    }, delay);
  }

  #disarm(): void {
    clearTimeout(this.#realTimer);
    this.#realTimer = undefined;
  }

  /** The tracked work this call belongs to: a callback can outlive its unit, and then belongs to the unit's parent. */
  #runningWork(): TrackedWork | undefined {
    let unit = this.#currentWork.getStore();
    while (unit?.finished) unit = unit.parent;
    return unit;
  }

  #containerOf(unit: TrackedWork): Set<TrackedWork> {
    return unit.parent?.children ?? this.#rootWork;
  }

  /** Work a finished unit started and left running stays tracked, under the nearest unit still running. */
  #finish(unit: TrackedWork): void {
    unit.finished = true;
    this.#containerOf(unit).delete(unit);
    for (const child of unit.children) {
      child.parent = unit.parent;
      this.#containerOf(child).add(child);
    }
    unit.children.clear();
    this.#notifyChange();
  }

  #isSettled(unit: TrackedWork): boolean {
    const parkedSomewhere = unit.parkedSleepers > 0 || unit.children.size > 0;
    return parkedSomewhere && [...unit.children].every((child) => this.#isSettled(child));
  }

  #nextChange(): Promise<void> {
    return new Promise((resolve) => this.#changeListeners.push(resolve));
  }

  #notifyChange(): void {
    const listeners = this.#changeListeners;
    this.#changeListeners = [];
    for (const listener of listeners) listener();
  }
}

function validInstant(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) {
    throw new ValidationFailedError({
      ar: 'تاريخ غير صالح للساعة الافتراضية',
      fr: "Date invalide pour l'horloge virtuelle",
      en: 'Invalid date given to the virtual clock',
    });
  }
  return instant;
}
