// The open figures of a collectivity's complaints: counted from each change's event, out of its transaction, and
// read by anyone (they carry no personal data).
import { NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { NO_FIGURES, published, type ComplaintCounted } from '../domain/complaint-figures.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';

export function countComplaintEvent(repository: ComplaintsRepository, event: DomainEvent): Promise<void> {
  return repository.count(event as DomainEvent<ComplaintCounted>);
}

export async function complaintFigures(repository: ComplaintsRepository, commune: string, year: number) {
  if (!(await repository.communeExists(commune))) throw new NotFoundError({ ar: `لا توجد جماعة ${commune}`, fr: `Aucune commune ${commune}`, en: `No commune ${commune}` });
  const figures = await repository.figures(commune, year);
  return {
    commune,
    year,
    totals: published(figures?.totals ?? NO_FIGURES),
    byCategory: (figures?.byCategory ?? []).map(({ category, ...counts }) => ({ category, ...published(counts) })),
  };
}
