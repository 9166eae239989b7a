// The registry settings of a collectivity: data its administrator edits, read at every registration. A commune
// that never set them numbers and counts deadlines with the defaults.
import type { Actor } from './letter.ts';
import { DEFAULT_PROCESSING_DAYS, type ProcessingDays } from './letter-deadline.ts';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from './letter-number.ts';

export interface RegistrySettings {
  readonly commune: string;
  readonly numberFormat: NumberFormat;
  /** Working days to answer an incoming letter, by priority (defaults found in no legal text). */
  readonly processingDays: ProcessingDays;
  /** 0 while the defaults apply; each administrator's change adds one. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: Actor;
}

export function defaultSettings(commune: string): RegistrySettings {
  return { commune, numberFormat: DEFAULT_NUMBER_FORMAT, processingDays: DEFAULT_PROCESSING_DAYS, version: 0 };
}
