// A territorial collectivity at the commune level, with the civil-status offices it runs.
import type { BilingualName } from '../../shared/i18n/language.ts';

export interface CivilStatusOffice {
  readonly code: string;
  readonly names: BilingualName;
}

/** A province (or prefecture) or a region: the levels above the commune, with a code for figures and filters. */
export interface Territory extends BilingualName {
  readonly code: string;
}

export interface Commune {
  readonly code: string;
  readonly names: BilingualName;
  readonly kind: 'urban' | 'rural';
  readonly province: Territory;
  readonly region: Territory;
  readonly civilStatusOffices: readonly CivilStatusOffice[];
}

/** A prefecture or province as other services name it: with the region it belongs to. */
export interface ProvinceOfRegion extends Territory {
  readonly region: Territory;
}

/**
 * The prefectures or provinces and the regions the communes belong to, each once: kept beside the communes so a
 * service holding only a province's or a region's code (a council above the commune) finds it by key.
 */
export function territoriesOf(communes: readonly Commune[]): { provinces: ProvinceOfRegion[]; regions: Territory[] } {
  const provinces = new Map<string, ProvinceOfRegion>();
  const regions = new Map<string, Territory>();
  for (const commune of communes) {
    provinces.set(commune.province.code, { ...commune.province, region: commune.region });
    regions.set(commune.region.code, commune.region);
  }
  return { provinces: [...provinces.values()], regions: [...regions.values()] };
}

/** A civil-status office as other services name it: with the commune that runs it. */
export interface OfficeOfCommune extends CivilStatusOffice {
  readonly commune: { readonly code: string; readonly names: BilingualName };
}

export function officeOf(commune: Commune, office: CivilStatusOffice): OfficeOfCommune {
  return { ...office, commune: { code: commune.code, names: commune.names } };
}
