// Key builders of the reference table (access patterns in ../README.md); no key is written by hand elsewhere.
import type { TableDescription } from '../../shared/service-description.ts';

export const REFERENCE_TABLE_ID = 'reference';

/** Communes, procedures, holidays, and the outbox of their domain events (`holidays.changed`). */
export const REFERENCE_TABLE: TableDescription = { id: REFERENCE_TABLE_ID, partitionKey: 'pk', sortKey: 'sk', outbox: true, timeToLiveAttribute: 'expiresAt' };

export const referenceKeys = {
  communes: () => ({ pk: 'COMMUNE' }),
  commune: (code: string) => ({ pk: 'COMMUNE', sk: `COMMUNE#${code}` }),
  /** A civil-status office with its commune, so a service holding only the office code can name both. */
  office: (code: string) => ({ pk: 'OFFICE', sk: `OFFICE#${code}` }),
  /** A prefecture or province with its region, and a region: derived from the communes by the seed. */
  province: (code: string) => ({ pk: 'PROVINCE', sk: `PROVINCE#${code}` }),
  region: (code: string) => ({ pk: 'REGION', sk: `REGION#${code}` }),
  procedures: () => ({ pk: 'PROCEDURE' }),
  procedure: (code: string) => ({ pk: 'PROCEDURE', sk: `PROCEDURE#${code}` }),
  fixedHolidayRules: () => ({ pk: 'HOLIDAYS', sk: 'FIXED' }),
  movableHolidays: (year: number) => ({ pk: 'HOLIDAYS', sk: `YEAR#${year}` }),
  movableHolidaysHistory: (year: number) => ({ pk: `HOLIDAYS#${year}#HISTORY` }),
  movableHolidaysVersion: (year: number, version: number) => ({
    pk: `HOLIDAYS#${year}#HISTORY`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  /**
   * Names the seed's version: a seed that adds items or attributes (offices in version 2, province and
   * region codes in version 3, province and region items in version 4) runs again over an older one.
   */
  seedMarker: () => ({ pk: 'META', sk: 'SEED#4' }),
} as const;

export const REFERENCE_KEY_ATTRIBUTES = ['pk', 'sk'] as const;
