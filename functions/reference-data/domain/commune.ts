// A territorial collectivity at the commune level, with the civil-status offices it runs.
import type { BilingualName } from '../../shared/i18n/language.ts';

export interface CivilStatusOffice {
  readonly code: string;
  readonly names: BilingualName;
}

export interface Commune {
  readonly code: string;
  readonly names: BilingualName;
  readonly kind: 'urban' | 'rural';
  readonly province: BilingualName;
  readonly region: BilingualName;
  readonly civilStatusOffices: readonly CivilStatusOffice[];
}

/** A civil-status office as other services name it: with the commune that runs it. */
export interface OfficeOfCommune extends CivilStatusOffice {
  readonly commune: { readonly code: string; readonly names: BilingualName };
}

export function officeOf(commune: Commune, office: CivilStatusOffice): OfficeOfCommune {
  return { ...office, commune: { code: commune.code, names: commune.names } };
}
