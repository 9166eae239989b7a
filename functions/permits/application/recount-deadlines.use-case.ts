// An administrator confirmed or moved holidays: every permit whose running deadline may count over that year is
// counted again. A deadline that moved is saved with its reason in the history; its events tell the applicant
// and, when it moved earlier, arm a workflow for the new instant.
import type { HolidaysChanged } from '../../reference-data/public.ts';
import { recountOpenDeadlines, type RecountResult } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { holidayYearsOf } from '../../shared/case-clock/domain/case-clock.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { recountDeadline } from '../domain/permit.ts';
import type { PermitsDependencies } from './file-permit.use-case.ts';

/** Tries again once when another change of the permit got in first: it may have counted with the former holidays. */
const ATTEMPTS = 2;

async function recountPermit(dependencies: PermitsDependencies, permitId: string, change: HolidaysChanged, now: Date, attempt = 1): Promise<boolean> {
  const permit = await dependencies.repository.get(permitId);
  if (!permit || Number(permit.clock.receiptDate.slice(0, 4)) > change.year) return false;
  // The count may now reach one year further than it did.
  const years = [...holidayYearsOf(permit.clock), Number(permit.clock.dueDate.slice(0, 4)) + 1];
  const { holidays } = await dependencies.repository.loadReference({ years });
  const recounted = recountDeadline(permit, holidays, change, now);
  if (!recounted) return false;
  try {
    await dependencies.repository.save(recounted, []);
    return true;
  } catch (error) {
    if (error instanceof ConflictError && attempt < ATTEMPTS) return recountPermit(dependencies, permitId, change, now, attempt + 1);
    throw error;
  }
}

export function recountPermitDeadlines(dependencies: PermitsDependencies, change: HolidaysChanged, now: Date): Promise<RecountResult> {
  // A deadline before the first instant of the changed year (in UTC, earlier than in Morocco) cannot count over it.
  const from = new Date(Date.UTC(change.year, 0, 1) - 3_600_000);
  return recountOpenDeadlines(dependencies.repository, (permitId) => recountPermit(dependencies, permitId, change, now), from);
}
