import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNES, DEMO_PROCEDURES, FIXED_HOLIDAY_RULES } from '../../functions/reference-data/data/demo-reference-data.ts';
import { DynamoDbReferenceDataRepository } from '../../functions/reference-data/adapters/dynamodb-reference-data.repository.ts';
import { referenceDataService } from '../../functions/reference-data/reference-data.service.ts';
import { ConflictError } from '../../functions/shared/errors/domain-errors.ts';
import { freshTables, localDocumentClient } from './local-aws.ts';
import { holidaysChanged } from '../../functions/reference-data/domain/holidays-changed.ts';
import { loadReferenceSnapshot } from '../../functions/reference-data/public-reader.ts';

const changedTo = (version: number) => holidaysChanged(2027, version, [], [], new Date('2026-12-01T10:00:00Z'));

const seed = { communes: DEMO_COMMUNES, procedures: DEMO_PROCEDURES, fixedHolidayRules: FIXED_HOLIDAY_RULES };
let repository: DynamoDbReferenceDataRepository;
let referenceTable: string;

const version = (n: number) => ({
  year: 2027,
  dates: [{ code: 'hijri-new-year' as const, date: '2027-06-06' }],
  version: n,
  updatedAt: '2026-11-29T10:00:00.000Z',
  updatedBy: `admin-${n}`,
});

describe('reference data in DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTables(referenceDataService.tables ?? []);
    referenceTable = names.reference!;
    repository = new DynamoDbReferenceDataRepository(localDocumentClient(), referenceTable);
    await repository.seedOnce(seed);
  });

  it('loads the seed only once', async () => {
    expect(await repository.seedOnce(seed)).toBe(false);
  });

  it('pages through every commune exactly once', async () => {
    const codes: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repository.listCommunes({ limit: 3, ...(cursor && { cursor }) });
      codes.push(...page.items.map((commune) => commune.code));
      cursor = page.nextCursor;
    } while (cursor);

    expect(codes.sort()).toEqual(DEMO_COMMUNES.map((commune) => commune.code).sort());
  });

  it('keeps each prefecture or province with its region, and each region, once, read by key with the snapshot', async () => {
    const read = (request: { province?: string; region?: string }) => loadReferenceSnapshot(localDocumentClient(), referenceTable, { ...request, years: [] });
    expect((await read({ province: 'skhirate-temara', region: 'rabat-sale-kenitra' }))).toMatchObject({
      province: { code: 'skhirate-temara', fr: 'Préfecture de Skhirate-Témara', region: { code: 'rabat-sale-kenitra' } },
      region: { code: 'rabat-sale-kenitra', fr: 'Rabat-Salé-Kénitra' },
    });
    const unknown = await read({ province: 'tamesna', region: 'rabat' });
    expect(unknown.province).toBeUndefined();
    expect(unknown.region).toBeUndefined();
  });

  it('reads one procedure by code', async () => {
    expect(await repository.getProcedure('building-small')).toMatchObject({ period: { days: 15, unit: 'calendar' } });
    expect(await repository.getProcedure('unknown')).toBeUndefined();
  });

  it('lets exactly one of two racing administrators save the same version', async () => {
    const outcomes = await Promise.allSettled([repository.saveMovableHolidays(version(1), changedTo(1)), repository.saveMovableHolidays({ ...version(1), updatedBy: 'admin-other' }, changedTo(1))]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await repository.listMovableHolidayHistory(2027, { limit: 10 })).items).toHaveLength(1);
  });

  it('keeps every version in the history, newest first', async () => {
    await repository.saveMovableHolidays(version(2), changedTo(2));

    const history = await repository.listMovableHolidayHistory(2027, { limit: 10 });
    expect(history.items.map((entry) => entry.version)).toEqual([2, 1]);
    expect((await repository.getHolidayData(2027)).movable?.version).toBe(2);
  });
});
