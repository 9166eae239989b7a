// A dataset a collectivity publishes of its own accord (Law 31-13, art. 10): declared by an agent of the commune
// with its metadata and files, approved by its president, then listed in the commune's open-data catalogue.
// Pure: the instant and the id are given.
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import type { Actor } from './information-request.ts';

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
  readonly distributions: readonly Distribution[];
  /** `draft` until its president approves it; `published` from then, listed in the catalogue. */
  readonly status: 'draft' | 'published';
  readonly declaredBy: Actor;
  readonly declaredAt: string;
  readonly approvedBy?: Actor;
  readonly publishedAt?: string;
  readonly version: number;
}

export const DATASET_PUBLISHED = 'dataset.published';

export type DatasetFields = Pick<Dataset, 'title' | 'description' | 'category' | 'accrualPeriodicity' | 'license' | 'distributions'>;

export function declareDataset(id: string, commune: string, fields: DatasetFields, by: Actor, now: Date): Dataset {
  return { id, commune, ...fields, status: 'draft', declaredBy: by, declaredAt: now.toISOString(), version: 1 };
}

/** The president approves a draft: it is published, and the commune's catalogue is written again from its event. */
export function approveDataset(dataset: Dataset, by: Actor, now: Date): { readonly dataset: Dataset; readonly outbox: readonly DomainEvent[] } {
  if (dataset.status !== 'draft') {
    throw new InvalidStateError({ ar: 'سبق نشر هذه المجموعة', fr: 'Ce jeu de données est déjà publié', en: 'This dataset is published already' });
  }
  const published: Dataset = { ...dataset, status: 'published', approvedBy: by, publishedAt: now.toISOString(), version: dataset.version + 1 };
  const event = domainEvent({ type: DATASET_PUBLISHED, source: 'transparency', subject: dataset.id, occurredAt: now.toISOString(), version: published.version, data: { commune: dataset.commune } });
  return { dataset: published, outbox: [event] };
}
