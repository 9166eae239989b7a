// What the deadline workflow (and the nightly sweep) asks of a permit: is its clock still running, and until
// when; has it stopped; or has the deadline just passed in silence, which this records.
import { sweepOverdueCases, type SweepResult } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { deadlineCheck, type DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { caseStanding, recordLapse } from '../domain/permit.ts';
import { lapseCounters } from './change-permit.use-cases.ts';
import type { PermitsDependencies } from './file-permit.use-case.ts';

export async function checkPermitDeadline(dependencies: PermitsDependencies, permitId: string, now: Date): Promise<DeadlineCheck> {
  const permit = await dependencies.repository.get(permitId);
  if (!permit) return { subject: permitId, state: 'closed' };
  const standing = caseStanding(permit);
  const check = deadlineCheck(permitId, permit.clock, standing, now);
  if (check.state !== 'lapsed' || standing !== 'open') return check;
  const lapse = recordLapse(permit, dependencies.identifiers.certificateNumber(permit), now);
  try {
    await dependencies.repository.save(lapse, lapseCounters(lapse.permit));
  } catch (error) {
    // A decision or an applicant got there in the same instant: whatever they wrote is the one outcome.
    if (!(error instanceof ConflictError)) throw error;
    return checkPermitDeadline(dependencies, permitId, now);
  }
  return check;
}

/** The nightly repair: every permit whose deadline passed without its workflow acting is checked now. */
export function sweepOverduePermits(dependencies: PermitsDependencies, now: Date): Promise<SweepResult> {
  return sweepOverdueCases(dependencies.repository, (permitId) => checkPermitDeadline(dependencies, permitId, now), now);
}
