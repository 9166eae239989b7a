// What other contexts may read of reference data: procedures, communes, prefectures or provinces, regions and holiday dates, fetched with the
// keys given here (so a caller can fold them into its own BatchGetItem) and read back into domain values.
// Pure values: service descriptions import it too, so the reads with the DynamoDB client are in ./public-reader.ts.
import { holidaysOfYear, movableHolidaysOfYear, type FixedHolidayRule, type MovableHolidaySet } from './domain/holiday-calendar.ts';
import type { Commune, OfficeOfCommune, ProvinceOfRegion, Territory } from './domain/commune.ts';
import type { Procedure } from './domain/procedure.ts';
import { withoutKeys } from '../shared/aws/items.ts';
import { REFERENCE_TABLE_ID, referenceKeys } from './adapters/reference-keys.ts';

export { REFERENCE_TABLE_ID };
export { HOLIDAYS_CHANGED, type HolidaysChanged } from './domain/holidays-changed.ts';
export type { Commune, OfficeOfCommune, Procedure, ProvinceOfRegion, Territory };

export interface ReferenceRequest {
  readonly procedure?: string;
  readonly commune?: string;
  /** A prefecture's or province's code. */
  readonly province?: string;
  readonly region?: string;
  /** A civil-status office code. */
  readonly office?: string;
  /** Years whose public holidays are needed. */
  readonly years: readonly number[];
}

export interface ReferenceSnapshot {
  readonly procedure?: Procedure;
  readonly commune?: Commune;
  readonly province?: ProvinceOfRegion;
  readonly region?: Territory;
  readonly office?: OfficeOfCommune;
  /** `YYYY-MM-DD` public holidays of the requested years; movable ones estimated wherever no administrator confirmed them. */
  readonly holidays: ReadonlySet<string>;
}

/** The partition holding every commune (with its civil-status offices), to be queried page by page. */
export const COMMUNES_PARTITION = referenceKeys.communes();

/** A commune item of that partition, read back as a commune. */
export function communeOf(item: Record<string, unknown>): Commune {
  return withoutKeys<Commune>(item);
}

export function referenceKeysFor(request: ReferenceRequest): { pk: string; sk: string }[] {
  return [
    ...(request.procedure ? [referenceKeys.procedure(request.procedure)] : []),
    ...(request.commune ? [referenceKeys.commune(request.commune)] : []),
    ...(request.province ? [referenceKeys.province(request.province)] : []),
    ...(request.region ? [referenceKeys.region(request.region)] : []),
    ...(request.office ? [referenceKeys.office(request.office)] : []),
    referenceKeys.fixedHolidayRules(),
    ...request.years.map((year) => referenceKeys.movableHolidays(year)),
  ];
}

export function readReferenceSnapshot(items: readonly Record<string, unknown>[], request: ReferenceRequest): ReferenceSnapshot {
  const find = (key: { pk: string; sk: string }) => items.find((item) => item.pk === key.pk && item.sk === key.sk);
  const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => (item ? withoutKeys<T>(item) : undefined);
  const rules = (find(referenceKeys.fixedHolidayRules())?.rules ?? []) as FixedHolidayRule[];
  const holidays = new Set<string>();
  for (const year of request.years) {
    const confirmed = find(referenceKeys.movableHolidays(year)) as MovableHolidaySet | undefined;
    for (const holiday of holidaysOfYear(year, rules, movableHolidaysOfYear(year, confirmed))) holidays.add(holiday.date);
  }
  const procedure = request.procedure ? strip<Procedure>(find(referenceKeys.procedure(request.procedure))) : undefined;
  const commune = request.commune ? strip<Commune>(find(referenceKeys.commune(request.commune))) : undefined;
  const province = request.province ? strip<ProvinceOfRegion>(find(referenceKeys.province(request.province))) : undefined;
  const region = request.region ? strip<Territory>(find(referenceKeys.region(request.region))) : undefined;
  const office = request.office ? strip<OfficeOfCommune>(find(referenceKeys.office(request.office))) : undefined;
  return { ...(procedure && { procedure }), ...(commune && { commune }), ...(province && { province }), ...(region && { region }), ...(office && { office }), holidays };
}

/** A commune with the province and region it belongs to: the mapping figures are grouped by. */
export type CommuneTerritory = Pick<Commune, 'code' | 'names' | 'province' | 'region'>;
