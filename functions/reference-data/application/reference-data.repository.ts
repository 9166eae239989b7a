// The port the reference-data use cases need from storage.
import type { Page } from '../../shared/http/pagination.ts';
import type { Commune } from '../domain/commune.ts';
import type { FixedHolidayRule, MovableHolidayCode, MovableHolidayDate } from '../domain/holiday-calendar.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { HolidaysChanged } from '../domain/holidays-changed.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface MovableHolidaysRecord {
  readonly year: number;
  readonly dates: readonly MovableHolidayDate[];
  /** Holidays estimated next to New Year that the administrator said moved into the neighbouring year. */
  readonly movedToNeighbouringYear?: readonly MovableHolidayCode[];
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface HolidayData {
  readonly rules: readonly FixedHolidayRule[];
  readonly movable?: MovableHolidaysRecord;
}

export interface ReferenceDataSeed {
  readonly communes: readonly Commune[];
  readonly procedures: readonly Procedure[];
  readonly fixedHolidayRules: readonly FixedHolidayRule[];
}

export interface ReferenceDataRepository {
  listCommunes(page: PageRequest): Promise<Page<Commune>>;
  getCommune(code: string): Promise<Commune | undefined>;
  listProcedures(page: PageRequest): Promise<Page<Procedure>>;
  getProcedure(code: string): Promise<Procedure | undefined>;
  getHolidayData(year: number): Promise<HolidayData>;
  /** Stores a new version of a year's movable holidays and its history entry at once; fails with ConflictError if `record.version - 1` is no longer current. */
  /** Saves the year's new version with the event that tells other contexts, all or nothing. */
  saveMovableHolidays(record: MovableHolidaysRecord, changed: DomainEvent<HolidaysChanged>): Promise<void>;
  listMovableHolidayHistory(year: number, page: PageRequest): Promise<Page<MovableHolidaysRecord>>;
  /** Loads the seed unless it was loaded before; returns whether it wrote anything. */
  seedOnce(seed: ReferenceDataSeed): Promise<boolean>;
}
