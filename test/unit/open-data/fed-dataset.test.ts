// Datasets the platform feeds from events: the permit figures as CSV and JSON files (the same figures, the same
// bytes), listed on the dataset only when they change, served only once published, and described in the DCAT-AP
// catalogue as stored files (download URL, size, SPDX checksum) that the shapes accept and a harvester reads.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { approveDataset } from '../../../functions/open-data/domain/dataset.ts';
import { dcatCatalogue } from '../../../functions/open-data/domain/dcat-catalogue.ts';
import { declareFedDataset, feedCounts, figuresFiles, publishedFile, withFiles, type FigureRow, type StoredFile } from '../../../functions/open-data/domain/fed-dataset.ts';
import { harvestDcat } from '../../fixtures/dcat-ap/harvest-dcat.ts';
import { validateDcatAp } from '../../fixtures/dcat-ap/validate-dcat-ap.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const at = new Date('2026-06-15T09:00:00Z');
const names = { ar: 'الرباط', fr: 'Rabat' };
const id = '0b9a0a0e-2222-4c2d-8e3f-000000000001';
const month = (key: string, counts: FigureRow['counts']): FigureRow => ({ dimensions: { month: key }, counts });
const months: FigureRow[] = [
  month('2023-10', { filed: 50, decidedInTime: 20, lapsed: 40, deemedApprovalInvoked: 10 }),
  month('2023-09', { filed: 60, decidedInTime: 30, lapsed: 49, deemedApprovalInvoked: 11 }),
];
const permitFiguresFiles = (commune: string, rows: readonly FigureRow[]) => figuresFiles('permit-figures', commune, rows);

const draft = (embargoUntil?: string) =>
  declareFedDataset(id, 'rabat', 'permit-figures', names, { license: 'https://creativecommons.org/licenses/by/4.0/', ...(embargoUntil && { embargoUntil }) }, agent, at);

function stored(files = permitFiguresFiles('rabat', months)): StoredFile[] {
  return files.map((file) => {
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    return { title: file.title, mediaType: file.mediaType, fileName: `${sha256}.${file.extension}`, sha256, byteSize: file.content.length };
  });
}

describe('the permit-figures files', () => {
  it('give one CSV line per month, oldest first, with the four counts', () => {
    const [csv, json] = permitFiguresFiles('rabat', months);

    expect(parse(Buffer.from(csv!.content).toString('utf8'), { bom: true, columns: true })).toEqual([
      { commune: 'rabat', month: '2023-09', filed: '60', decided_in_time: '30', lapsed: '49', deemed_approval_invoked: '11' },
      { commune: 'rabat', month: '2023-10', filed: '50', decided_in_time: '20', lapsed: '40', deemed_approval_invoked: '10' },
    ]);
    expect(JSON.parse(Buffer.from(json!.content).toString('utf8'))).toEqual({
      commune: 'rabat',
      months: [
        { month: '2023-09', filed: 60, decided_in_time: 30, lapsed: 49, deemed_approval_invoked: 11 },
        { month: '2023-10', filed: 50, decided_in_time: 20, lapsed: 40, deemed_approval_invoked: 10 },
      ],
    });
  });

  it('are the same bytes for the same figures, whatever their order', () => {
    expect(stored(permitFiguresFiles('rabat', [...months].reverse()))).toEqual(stored());
  });

  it('change when a figure does', () => {
    const more = permitFiguresFiles('rabat', [month('2023-10', { ...months[0]!.counts, lapsed: 41 }), months[1]!]);

    expect(stored(more)[0]!.sha256).not.toBe(stored()[0]!.sha256);
  });
});

describe('the complaint and access-to-information figures files', () => {
  it('give one line per year and category of the complaints, their sums named as sums, a missing count as 0', () => {
    const rows: FigureRow[] = [
      { dimensions: { year: '2026', category: 'roads' }, counts: { received: 12, answered: 10, answerDays: 84, rated: 4, ratingPoints: 15 } },
      { dimensions: { year: '2026', category: 'lighting' }, counts: { received: 3, answeredLate: 1 } },
    ];
    const [csv] = figuresFiles('complaint-figures', 'rabat', rows);

    expect(parse(Buffer.from(csv!.content).toString('utf8'), { bom: true, columns: true })).toEqual([
      { commune: 'rabat', year: '2026', category: 'lighting', received: '3', acknowledged_late: '0', answered: '0', answer_days_total: '0', answered_late: '1', reopened: '0', rated: '0', rating_points_total: '0' },
      { commune: 'rabat', year: '2026', category: 'roads', received: '12', acknowledged_late: '0', answered: '10', answer_days_total: '84', answered_late: '0', reopened: '0', rated: '4', rating_points_total: '15' },
    ]);
  });

  it('give the requests per year with each refusal ground named, and leave out what the feed does not publish', () => {
    const counts = feedCounts('information-request-figures', { requests: 5, refused: 2, 'ground:not-held': 2, 'days:12': 1, answerWorkingDays: 12 });
    expect(counts).toEqual({ requests: 5, refused: 2, 'ground:not-held': 2, answerWorkingDays: 12 });

    const [, json] = figuresFiles('information-request-figures', 'rabat', [{ dimensions: { year: '2026' }, counts }]);
    const [year] = (JSON.parse(Buffer.from(json!.content).toString('utf8')) as { years: Record<string, unknown>[] }).years;

    expect(year).toMatchObject({ year: '2026', requests: 5, refused: 2, ground_not_held: 2, ground_unclear: 0, answer_working_days_total: 12, implicit_refusals: 0 });
    expect(Object.keys(year!).some((column) => column.startsWith('days'))).toBe(false);
  });
});

describe('a fed dataset', () => {
  it('is declared a draft with no file, in the category and periodicity of its feed', () => {
    expect(draft()).toMatchObject({ status: 'draft', feed: 'permit-figures', category: 'permits-and-licences', accrualPeriodicity: 'MONTHLY', distributions: [] });
  });

  it('lists its stored files once, a new version each time they change', () => {
    const published = approveDataset(draft(), president, at).dataset;
    const first = withFiles(published, stored(), at)!;

    expect(first.version).toBe(published.version + 1);
    expect(first.distributions.map((distribution) => distribution.downloadURL)).toEqual(stored().map((file) => `/v1/transparency/datasets/${id}/files/${file.fileName}`));
    expect(withFiles(first, stored(), at)).toBeUndefined();
  });

  it('serves its files only once published: not while approved under embargo', () => {
    const waiting = approveDataset(draft('2026-07-01'), president, at).dataset;
    const file = stored()[0]!;

    expect(waiting.status).toBe('approved');
    expect(publishedFile({ ...waiting, distributions: withFiles(waiting, stored(), at)!.distributions }, file.fileName)).toBeUndefined();
    expect(publishedFile(withFiles(approveDataset(draft(), president, at).dataset, stored(), at), file.fileName)?.sha256).toBe(file.sha256);
  });
});

describe('its stored files in the DCAT-AP catalogue', () => {
  const url = 'https://api.example.ma/v1/transparency/catalogues/rabat';
  const document = () => dcatCatalogue({ code: 'rabat', names }, [withFiles(approveDataset(draft(), president, at).dataset, stored(), at)!], at);

  it('conform to the shapes, with download URL, size and SHA-256', async () => {
    const report = await validateDcatAp(document(), url);

    expect(report.violations).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('are read by a harvester as absolute download URLs with their size and checksum', async () => {
    const [dataset] = await harvestDcat(document(), url);
    const files = stored();

    expect(dataset!.title.fr).toContain('Rabat');
    expect(dataset!.distributions.map((distribution) => distribution.downloadURL).sort()).toEqual(files.map((file) => `https://api.example.ma/v1/transparency/datasets/${id}/files/${file.fileName}`).sort());
    expect(dataset!.distributions.find((distribution) => distribution.mediaType?.endsWith('text/csv'))).toMatchObject({
      byteSize: files[0]!.byteSize,
      checksum: { algorithm: 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256', value: files[0]!.sha256 },
    });
  });

  it('are refused by the validator when a checksum has no value', async () => {
    const broken = document() as { 'dcat:dataset': { 'dcat:distribution': Record<string, Record<string, unknown>>[] }[] };
    delete broken['dcat:dataset'][0]!['dcat:distribution'][0]!['spdx:checksum']!['spdx:checksumValue'];

    const report = await validateDcatAp(broken, url);

    expect(report.conforms).toBe(false);
    expect(report.violations.join('\n')).toContain('checksumValue');
  });
});
