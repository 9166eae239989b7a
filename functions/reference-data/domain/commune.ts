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

/** A civil-status office as other services name it: with the commune that runs it. */
export interface OfficeOfCommune extends CivilStatusOffice {
  readonly commune: { readonly code: string; readonly names: BilingualName };
}

export function officeOf(commune: Commune, office: CivilStatusOffice): OfficeOfCommune {
  return { ...office, commune: { code: commune.code, names: commune.names } };
}
