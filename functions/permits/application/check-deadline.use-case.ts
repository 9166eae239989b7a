// What the deadline workflow (and the daily sweep) asks of a permit: is its clock still running, and until
// when; has it stopped; or has the deadline just passed in silence, which this records.
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { clockStatus, recordLapse, type Permit } from '../domain/permit.ts';
import { lapseCounters } from './change-permit.use-cases.ts';
import type { PermitsDependencies } from './file-permit.use-case.ts';

/** The answer the deadline workflow routes on; it carries the permit id on to the next check. */
export type DeadlineCheck = { readonly permitId: string } & (
  /** Wake up at `wakeAt`, the first instant after the deadline, and ask again. */
  | { readonly state: 'running'; readonly wakeAt: string }
  /** Documents were requested: this workflow ends; providing them starts a new one. */
  | { readonly state: 'suspended' }
  | { readonly state: 'lapsed' | 'closed' }
);

export function wakeAt(permit: Permit): string {
  return new Date(Date.parse(permit.clock.dueAt) + 1).toISOString();
}

export async function checkPermitDeadline(dependencies: PermitsDependencies, permitId: string, now: Date): Promise<DeadlineCheck> {
  const permit = await dependencies.repository.get(permitId);
  if (!permit) return { permitId, state: 'closed' };
  const status = clockStatus(permit, now);
  if (status === 'running') return { permitId, state: 'running', wakeAt: wakeAt(permit) };
  if (status === 'suspended') return { permitId, state: 'suspended' };
  if (status === 'lapsed' && permit.status === 'filed') {
    const lapse = recordLapse(permit, dependencies.identifiers.certificateNumber(permit), now);
    try {
      await dependencies.repository.save(lapse, lapseCounters(lapse.permit));
    } catch (error) {
      // A decision or an applicant got there in the same instant: whatever they wrote is the one outcome.
      if (!(error instanceof ConflictError)) throw error;
      return checkPermitDeadline(dependencies, permitId, now);
    }
    return { permitId, state: 'lapsed' };
  }
  return { permitId, state: status === 'lapsed' ? 'lapsed' : 'closed' };
}

/** The daily repair: every permit whose deadline passed without its workflow acting is checked now. */
export async function sweepOverduePermits(dependencies: PermitsDependencies, now: Date, batchSize = 100): Promise<{ lapsed: number }> {
  let lapsed = 0;
  for (;;) {
    const overdue = await dependencies.repository.openDueBefore(now, batchSize);
    for (const permitId of overdue) {
      if ((await checkPermitDeadline(dependencies, permitId, now)).state === 'lapsed') lapsed += 1;
    }
    if (overdue.length < batchSize) return { lapsed };
  }
}
