// EventBridge Scheduler, locally: starts scheduled state machines on the virtual clock, so fast-forwarding
// time runs the nightly jobs of every day it crosses. Cron expressions are read in Morocco's time zone,
// as the stack configures them in AWS.
import { endOfMoroccanDay } from '../../functions/shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../functions/shared/time/morocco-time.ts';
import type { StateMachineDescription } from '../../functions/shared/service-description.ts';
import type { LocalWorkflows } from './local-workflows.ts';
import type { VirtualClock } from './virtual-clock.ts';

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
// Only the daily form the platform uses: `cron(M H * * ? *)`.
const DAILY_CRON = /^cron\((\d{1,2}) (\d{1,2}) \* \* \? \*\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - UNIT_MS.day).toISOString().slice(0, 10);
}

/** The first firing strictly after `after`. */
export function nextFiring(expression: string, after: Date): Date {
  const rate = RATE.exec(expression);
  if (rate) return new Date(after.getTime() + Number(rate[1]) * UNIT_MS[rate[2]!.replace(/s$/, '') as keyof typeof UNIT_MS]);
  const cron = DAILY_CRON.exec(expression);
  if (!cron) throw new Error(`Schedule ${expression} is not supported locally: use rate(N unit) or cron(M H * * ? *)`);
  const offsetInDay = (Number(cron[2]) * 60 + Number(cron[1])) * UNIT_MS.minute;
  let day = moroccanDate(after);
  for (;;) {
    const firing = new Date(endOfMoroccanDay(previousDay(day)).getTime() + 1 + offsetInDay);
    if (firing > after) return firing;
    day = moroccanDate(new Date(endOfMoroccanDay(day).getTime() + 1));
  }
}

export class LocalScheduler {
  readonly #stopping = new AbortController();

  constructor(clock: VirtualClock, workflows: LocalWorkflows, stateMachines: readonly StateMachineDescription[]) {
    for (const machine of stateMachines) {
      const schedule = machine.schedule;
      if (!schedule) continue;
      nextFiring(schedule.expression, clock.now());
      void clock.runTracked(async () => {
        for (let firing = nextFiring(schedule.expression, clock.now()); ; firing = nextFiring(schedule.expression, firing)) {
          await clock.sleepUntil(firing, this.#stopping.signal);
          workflows.startExecution({ stateMachineId: machine.id, name: `scheduled-${firing.toISOString().replace(/[:.]/g, '-')}`, input: schedule.input ?? {} });
        }
      }).catch((error: unknown) => {
        if (!this.#stopping.signal.aborted) console.error(`[scheduler] ${machine.id} stopped:`, error);
      });
    }
  }

  stop(): void {
    this.#stopping.abort(new Error('The local platform is stopping'));
  }
}
