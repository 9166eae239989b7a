// A dataset a collectivity publishes of its own accord (Law 31-13, art. 10): declared by an agent of the commune
// with its metadata and files, approved by its president, then listed in the commune's open-data catalogue, at once
// or from the first instant of its embargo's end date. Pure: the instant and the id are given.
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { startOfMoroccanDate } from '../../shared/statutory-clock/moroccan-day.ts';
import type { PendingFile } from './dataset-files.ts';
import type { Feed } from './fed-dataset.ts';
import type { Actor } from './open-data-access.ts';

/**
 * The kinds of information article 10 asks a body to publish, as far as we found them listed (the list itself is
 * not confirmed: an administrator may need others).
 */
export const PUBLICATION_CATEGORIES = [
  'budget-and-accounts',
  'council-decisions',
  'procurement',
  'permits-and-licences',
  'services-and-procedures',
  'recruitment',
  'reports',
  'regulations',
  'contacts',
] as const;

/** How often the dataset is updated: the codes of the EU frequency authority table that DCAT-AP uses. */
export const FREQUENCIES = ['ANNUAL', 'ANNUAL_2', 'QUARTERLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'IRREG'] as const;

export const MEDIA_TYPES = ['text/csv', 'application/json', 'application/pdf'] as const;

export interface Distribution {
  readonly title: string;
  readonly mediaType: (typeof MEDIA_TYPES)[number];
  /** Where the file is downloaded from. */
  readonly accessURL: string;
  /** A file the platform stores (and serves at `downloadURL`, relative to the API): its name, SHA-256 and size. */
  readonly downloadURL?: string;
  readonly fileName?: string;
  readonly sha256?: string;
  readonly byteSize?: number;
}

export interface Dataset {
  readonly id: string;
  readonly commune: string;
  readonly title: { readonly ar: string; readonly fr: string };
  readonly description: { readonly ar: string; readonly fr: string };
  readonly category: (typeof PUBLICATION_CATEGORIES)[number];
  readonly accrualPeriodicity: (typeof FREQUENCIES)[number];
  /** The licence's IRI. */
  readonly license: string;
  /** Whom users of the data write to (DCAT-AP's contact point): an office of the commune, as the agent names it. */
  readonly contactPoint?: { readonly name: string; readonly email: string };
  readonly distributions: readonly Distribution[];
  /** The Moroccan date from which it may be published: approved before, it waits for it. */
  readonly embargoUntil?: string;
  /**
   * `draft` until its president approves it; `published` from then, listed in the catalogue, or `approved` and
   * waiting for the end of its embargo, when it is published.
   */
  readonly status: 'draft' | 'approved' | 'published';
  readonly declaredBy: Actor;
  readonly declaredAt: string;
  readonly approvedBy?: Actor;
  readonly publishedAt?: string;
  /** A dataset the platform feeds from other contexts' events (`fed-dataset.ts`): its files are generated. */
  readonly feed?: Feed;
  /** Files an agent declared for it, not yet uploaded and checked (`dataset-files.ts`). */
  readonly pendingFiles?: readonly PendingFile[];
  /** When its files last changed, once published. */
  readonly modifiedAt?: string;
  readonly version: number;
}

export const DATASET_PUBLISHED = 'dataset.published';

/** An approved dataset waits for its embargo's end: a workflow watches it. */
export const DATASET_EMBARGOED = 'dataset.embargoed';

export type DatasetFields = Pick<Dataset, 'title' | 'description' | 'category' | 'accrualPeriodicity' | 'license' | 'distributions'> & Partial<Pick<Dataset, 'embargoUntil' | 'contactPoint'>>;

/** The first instant it may be published: the start of its embargo's end date in Morocco; none without embargo. */
export function embargoEnd(dataset: Pick<Dataset, 'embargoUntil'>): Date | undefined {
  return dataset.embargoUntil ? startOfMoroccanDate(dataset.embargoUntil) : undefined;
}

export interface DatasetChange {
  readonly dataset: Dataset;
  readonly outbox: readonly DomainEvent[];
}

function published(dataset: Dataset, fields: Partial<Dataset>, now: Date): DatasetChange {
  const changed: Dataset = { ...dataset, ...fields, status: 'published', publishedAt: now.toISOString(), version: dataset.version + 1 };
  const event = domainEvent({ type: DATASET_PUBLISHED, source: 'open-data', subject: dataset.id, occurredAt: now.toISOString(), version: changed.version, data: { commune: dataset.commune } });
  return { dataset: changed, outbox: [event] };
}

export function declareDataset(id: string, commune: string, fields: DatasetFields, by: Actor, now: Date): Dataset {
  return { id, commune, ...fields, status: 'draft', declaredBy: by, declaredAt: now.toISOString(), version: 1 };
}

/**
 * The president approves a draft: it is published (the commune's catalogue is written again from its event), or,
 * under an embargo not over yet, approved and watched until its end.
 */
export function approveDataset(dataset: Dataset, by: Actor, now: Date): DatasetChange {
  if (dataset.status !== 'draft') {
    throw new InvalidStateError({ ar: 'سبق اعتماد هذه المجموعة', fr: 'Ce jeu de données est déjà approuvé', en: 'This dataset is approved already' });
  }
  // A fed dataset's files are generated at its publication; any other is approved with its files, all checked.
  if (!dataset.feed && (dataset.distributions.length === 0 || (dataset.pendingFiles?.length ?? 0) > 0)) {
    throw new InvalidStateError({
      ar: 'لا تُعتمد مجموعة بيانات بلا ملف أو بملف لم يكتمل رفعه',
      fr: "Un jeu de données s'approuve avec au moins un fichier, et aucun fichier dont le dépôt n'est pas terminé",
      en: 'A dataset is approved with at least one file and no file whose upload is not completed',
    });
  }
  const end = embargoEnd(dataset);
  if (!end || end.getTime() <= now.getTime()) return published(dataset, { approvedBy: by }, now);
  const approved: Dataset = { ...dataset, status: 'approved', approvedBy: by, version: dataset.version + 1 };
  const event = domainEvent({ type: DATASET_EMBARGOED, source: 'open-data', subject: dataset.id, occurredAt: now.toISOString(), version: approved.version, data: { datasetId: dataset.id, version: approved.version } });
  return { dataset: approved, outbox: [event] };
}

/** Its embargo over, an approved dataset is published; undefined before, or for one that is not waiting. */
export function publishAtEmbargoEnd(dataset: Dataset, now: Date): DatasetChange | undefined {
  const end = embargoEnd(dataset);
  if (dataset.status !== 'approved' || !end || now.getTime() < end.getTime()) return undefined;
  return published(dataset, {}, now);
}
