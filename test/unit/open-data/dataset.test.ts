// A dataset's publication: a draft the president approves is published at once; under an embargo not over, it is
// approved and watched, and published from the first instant of its end date in Morocco; approved once only.
import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { approveDataset, declareDataset, embargoEnd, publishAtEmbargoEnd, type DatasetFields } from '../../../functions/open-data/domain/dataset.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const at = new Date('2026-06-15T09:00:00Z');
const fields: DatasetFields = {
  title: { ar: 'ميزانية', fr: 'Budget' },
  description: { ar: 'الميزانية', fr: 'Le budget' },
  category: 'budget-and-accounts',
  accrualPeriodicity: 'ANNUAL',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  distributions: [{ title: 'CSV', mediaType: 'text/csv', accessURL: 'https://rabat.ma/budget.csv' }],
};

describe('a dataset', () => {
  it('is published at its approval when it has no embargo, its event writing the catalogue', () => {
    const { dataset, outbox } = approveDataset(declareDataset('d-1', 'rabat', fields, agent, at), president, at);

    expect(dataset).toMatchObject({ status: 'published', approvedBy: president, publishedAt: at.toISOString(), version: 2 });
    expect(outbox).toEqual([expect.objectContaining({ type: 'dataset.published', data: { commune: 'rabat' } })]);
    expect(() => approveDataset(dataset, president, at)).toThrow(InvalidStateError);
  });

  it('waits for the end of its embargo, from the first instant of that day in Morocco', () => {
    const draft = declareDataset('d-2', 'rabat', { ...fields, embargoUntil: '2026-07-01' }, agent, at);
    const { dataset, outbox } = approveDataset(draft, president, at);
    // 1 July 2026 starts at 23:00 UTC the day before (Morocco is UTC+1 then).
    const end = new Date('2026-06-30T23:00:00Z');

    expect(embargoEnd(draft)).toEqual(end);
    expect(dataset.status).toBe('approved');
    expect(outbox).toEqual([expect.objectContaining({ type: 'dataset.embargoed', data: { datasetId: 'd-2', version: 2 } })]);
    expect(publishAtEmbargoEnd(dataset, new Date(end.getTime() - 1))).toBeUndefined();
    const published = publishAtEmbargoEnd(dataset, end)!;
    expect(published.dataset).toMatchObject({ status: 'published', publishedAt: end.toISOString(), version: 3 });
    expect(published.outbox.map((event) => event.type)).toEqual(['dataset.published']);
  });

  it('is published at once when its embargo ended before its approval', () => {
    const late = approveDataset(declareDataset('d-3', 'rabat', { ...fields, embargoUntil: '2026-06-01' }, agent, at), president, at);

    expect(late.dataset.status).toBe('published');
  });
});
