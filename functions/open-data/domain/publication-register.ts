// The register of what a commune must publish of its own accord (Law 31-13, art. 10): for each category of the
// law's list (as far as found: PUBLICATION_CATEGORIES), who in the commune owns it, how often it is published, when
// it last was, when it is next due and whether it is overdue, computed on read from the Moroccan date. Pure.
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { PUBLICATION_CATEGORIES, type Dataset, type FREQUENCIES } from './dataset.ts';
import type { Actor } from './open-data-access.ts';

export type Category = (typeof PUBLICATION_CATEGORIES)[number];
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * A category of a commune: what the president designated (its owner, a service of the commune, never a person's
 * name here; its periodicity), and its last publication, recorded as datasets of the category are published (also
 * before any designation).
 */
export interface RegisterEntry {
  readonly commune: string;
  readonly category: Category;
  readonly owner?: { readonly ar: string; readonly fr: string };
  readonly periodicity?: Frequency;
  /** From when it is due: the first designation, until a first publication. */
  readonly since?: string;
  readonly lastPublishedAt?: string;
  readonly lastDatasetId?: string;
  readonly setBy?: Actor;
  readonly version: number;
}

/** A category as the register shows it: scheduled (with its dates) or not scheduled yet. */
export interface RegisterLine {
  readonly category: Category;
  readonly status: 'not-scheduled' | 'up-to-date' | 'overdue' | 'irregular';
  readonly owner?: RegisterEntry['owner'];
  readonly periodicity?: Frequency;
  readonly lastPublishedAt?: string;
  /** The Moroccan date by which the next publication is due; none for an irregular one. */
  readonly nextDueDate?: string;
}

const MONTHS: Partial<Record<Frequency, number>> = { ANNUAL: 12, ANNUAL_2: 6, QUARTERLY: 3, MONTHLY: 1 };
const DAYS: Partial<Record<Frequency, number>> = { WEEKLY: 7, DAILY: 1 };

/** `date` plus one period (a month later from the 31st is the month's last day); undefined for IRREG. */
export function afterOnePeriod(date: string, periodicity: Frequency): string | undefined {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const months = MONTHS[periodicity];
  if (months !== undefined) {
    const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
  }
  const days = DAYS[periodicity];
  return days === undefined ? undefined : new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function designate(
  existing: RegisterEntry | undefined,
  commune: string,
  category: Category,
  fields: { readonly owner: NonNullable<RegisterEntry['owner']>; readonly periodicity: Frequency },
  by: Actor,
  now: Date,
): RegisterEntry {
  return {
    ...existing,
    commune,
    category,
    ...fields,
    since: existing?.since ?? now.toISOString(),
    setBy: by,
    version: (existing?.version ?? 0) + 1,
  };
}

/** Every category of the list, in its order, with its dates as of `now`. */
export function registerLines(entries: readonly RegisterEntry[], now: Date): RegisterLine[] {
  const today = moroccanDate(now);
  return PUBLICATION_CATEGORIES.map((category) => {
    const entry = entries.find((candidate) => candidate.category === category);
    if (!entry?.periodicity) return { category, status: 'not-scheduled', ...(entry?.lastPublishedAt && { lastPublishedAt: entry.lastPublishedAt }) };
    const from = moroccanDate(new Date(entry.lastPublishedAt ?? entry.since!));
    const nextDueDate = afterOnePeriod(from, entry.periodicity);
    return {
      category,
      status: nextDueDate === undefined ? 'irregular' : today > nextDueDate ? 'overdue' : 'up-to-date',
      ...(entry.owner && { owner: entry.owner }),
      periodicity: entry.periodicity,
      ...(entry.lastPublishedAt && { lastPublishedAt: entry.lastPublishedAt }),
      ...(nextDueDate && { nextDueDate }),
    };
  });
}

/** The instant a dataset's publication counts for its category: when it was published, or its files last changed. */
export function publicationInstant(dataset: Dataset): string | undefined {
  if (dataset.status !== 'published') return undefined;
  return [dataset.publishedAt, dataset.modifiedAt].filter((instant): instant is string => instant !== undefined).sort().at(-1);
}
