// Reading a year's public holidays and setting its movable ones.
import { ConflictError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { holidaysOfYear, movableHolidaysOfYear, type Holiday, type MovableHolidaySet } from '../domain/holiday-calendar.ts';
import { holidaysChanged } from '../domain/holidays-changed.ts';
import { movableHolidayIssues } from '../domain/movable-holidays.rules.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { MovableHolidaysRecord, PageRequest, ReferenceDataRepository } from './reference-data.repository.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';

export interface HolidayCalendar {
  readonly year: number;
  /** False while any movable holiday of the year is an Umm al-Qura estimate that no administrator has confirmed. */
  readonly movableConfirmed: boolean;
  readonly version: number;
  readonly holidays: readonly Holiday[];
}

export async function getHolidayCalendar(repository: ReferenceDataRepository, year: number): Promise<HolidayCalendar> {
  const data = await repository.getHolidayData(year);
  const movable = movableHolidaysOfYear(year, data.movable);
  return {
    year,
    movableConfirmed: movable.confirmed,
    version: data.movable?.version ?? 0,
    holidays: holidaysOfYear(year, data.rules, movable),
  };
}

export interface SetMovableHolidaysCommand extends MovableHolidaySet {
  readonly year: number;
  /** The version the administrator edited; a different current version means someone else saved first. */
  readonly expectedVersion?: number;
  readonly by: string;
  readonly at: Date;
}

export async function setMovableHolidays(repository: ReferenceDataRepository, command: SetMovableHolidaysCommand): Promise<HolidayCalendar> {
  const issues = movableHolidayIssues(command.year, command);
  if (issues.length > 0) {
    throw new ValidationFailedError(
      {
        ar: `لا يمكن تأكيد الأعياد الدينية لسنة ${command.year}: يجب إدخال جميع الأعياد الدينية لهذه السنة بعدد أيام كل منها، وتفاصيل الخطأ في errors`,
        fr: `Les fêtes religieuses de ${command.year} ne peuvent être confirmées : indiquez-les toutes, chacune avec son nombre de jours ; le détail est dans errors`,
        en: `The movable holidays of ${command.year} cannot be confirmed: give every one of them with its number of days; errors says what is wrong`,
      },
      { fieldIssues: issues },
    );
  }

  const current = await repository.getHolidayData(command.year);
  const currentVersion = current.movable?.version ?? 0;
  if (command.expectedVersion !== undefined && command.expectedVersion !== currentVersion) {
    throw new ConflictError({
      ar: `أعياد سنة ${command.year} في نسختها ${currentVersion} وليس ${command.expectedVersion}: أعد تحميلها ثم أعد المحاولة`,
      fr: `Les fêtes de ${command.year} en sont à la version ${currentVersion}, non ${command.expectedVersion} : rechargez-les puis réessayez`,
      en: `The holidays of ${command.year} are at version ${currentVersion}, not ${command.expectedVersion}: reload them and try again`,
    });
  }
  const record: MovableHolidaysRecord = {
    year: command.year,
    dates: [...command.dates].sort((a, b) => byCodePoints(a.date, b.date)),
    ...(command.movedToNeighbouringYear?.length && { movedToNeighbouringYear: command.movedToNeighbouringYear }),
    version: currentVersion + 1,
    updatedAt: command.at.toISOString(),
    updatedBy: command.by,
  };
  const before = holidaysOfYear(command.year, current.rules, movableHolidaysOfYear(command.year, current.movable));
  const after = holidaysOfYear(command.year, current.rules, movableHolidaysOfYear(command.year, record));
  // Open deadlines counted over this year follow the event: their contexts recount them.
  await repository.saveMovableHolidays(record, holidaysChanged(command.year, record.version, before, after, command.at));
  return { year: command.year, movableConfirmed: true, version: record.version, holidays: after };
}

export function listHolidayHistory(repository: ReferenceDataRepository, year: number, page: PageRequest): Promise<Page<MovableHolidaysRecord>> {
  return repository.listMovableHolidayHistory(year, page);
}
