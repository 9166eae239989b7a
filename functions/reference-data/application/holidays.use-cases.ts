// Reading a year's public holidays and setting its movable ones.
import { ConflictError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { estimateMovableHolidays, holidaysOfYear, type Holiday, type MovableHolidayDate } from '../domain/holiday-calendar.ts';
import { movableHolidayIssues } from '../domain/movable-holidays.rules.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { MovableHolidaysRecord, PageRequest, ReferenceDataRepository } from './reference-data.repository.ts';

export interface HolidayCalendar {
  readonly year: number;
  /** False while the movable holidays are Umm al-Qura estimates that no administrator has confirmed. */
  readonly movableConfirmed: boolean;
  readonly version: number;
  readonly holidays: readonly Holiday[];
}

export async function getHolidayCalendar(repository: ReferenceDataRepository, year: number): Promise<HolidayCalendar> {
  const data = await repository.getHolidayData(year);
  const movable = data.movable
    ? { dates: data.movable.dates, estimated: false }
    : { dates: estimateMovableHolidays(year), estimated: true };
  return {
    year,
    movableConfirmed: data.movable !== undefined,
    version: data.movable?.version ?? 0,
    holidays: holidaysOfYear(year, data.rules, movable),
  };
}

export interface SetMovableHolidaysCommand {
  readonly year: number;
  readonly dates: readonly MovableHolidayDate[];
  /** The version the administrator edited; a different current version means someone else saved first. */
  readonly expectedVersion?: number;
  readonly by: string;
  readonly at: Date;
}

export async function setMovableHolidays(repository: ReferenceDataRepository, command: SetMovableHolidaysCommand): Promise<HolidayCalendar> {
  const issues = movableHolidayIssues(command.year, command.dates);
  if (issues.length > 0) throw new ValidationFailedError('Invalid movable holidays', { fieldIssues: issues });

  const current = await repository.getHolidayData(command.year);
  const currentVersion = current.movable?.version ?? 0;
  if (command.expectedVersion !== undefined && command.expectedVersion !== currentVersion) {
    throw new ConflictError(`The holidays of ${command.year} are at version ${currentVersion}, not ${command.expectedVersion}`);
  }
  const record: MovableHolidaysRecord = {
    year: command.year,
    dates: [...command.dates].sort((a, b) => a.date.localeCompare(b.date)),
    version: currentVersion + 1,
    updatedAt: command.at.toISOString(),
    updatedBy: command.by,
  };
  await repository.saveMovableHolidays(record);
  return {
    year: command.year,
    movableConfirmed: true,
    version: record.version,
    holidays: holidaysOfYear(command.year, current.rules, { dates: record.dates, estimated: false }),
  };
}

export function listHolidayHistory(repository: ReferenceDataRepository, year: number, page: PageRequest): Promise<Page<MovableHolidaysRecord>> {
  return repository.listMovableHolidayHistory(year, page);
}
