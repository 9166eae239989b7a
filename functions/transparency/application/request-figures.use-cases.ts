// The annual figures of a commune's access-to-information requests: added to by the consumer of the counted events,
// served by a public route from the one counters item (no aggregation per request, no personal data).
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { publishedFigures, type RequestCounted, type RequestFigures } from '../domain/request-figures.ts';
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';

export interface RequestFiguresRepository {
  /** Adds the event's counts to its commune's figures of the year, once. */
  count(event: DomainEvent<RequestCounted>): Promise<void>;
  /** The counters of a commune's year, if any, and whether reference data knows the commune, in one read. */
  figures(commune: string, year: number): Promise<{ readonly communeExists: boolean; readonly counters?: Readonly<Record<string, number>> }>;
}

export function countRequestEvent(repository: RequestFiguresRepository, event: DomainEvent): Promise<void> {
  return repository.count(event as DomainEvent<RequestCounted>);
}

export async function requestFigures(repository: RequestFiguresRepository, commune: string, year: number): Promise<RequestFigures> {
  const { communeExists, counters } = await repository.figures(commune, year);
  if (!communeExists) throw unknownCommune(commune);
  return publishedFigures(commune, year, counters ?? {});
}
