// Permit figures on DynamoDB Local: counters written from each change's event, overdue files marked in the
// change's own transaction, read for a commune, a province, a region and the country in one Query of the figures
// (and the territories above the commune), by procedure, with no Scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStreams } from '../../lib/local/local-streams.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import { DynamoDbPermitsRepository } from '../../functions/permits/adapters/dynamodb-permits.repository.ts';
import { permitIdentifiers } from '../../functions/permits/adapters/permit-identifiers.ts';
import { checkPermitDeadline } from '../../functions/permits/application/check-deadline.use-case.ts';
import { invokePermitDeemedApproval } from '../../functions/permits/application/change-permit.use-cases.ts';
import { filePermitApplication, type PermitsWithWorkflow } from '../../functions/permits/application/file-permit.use-case.ts';
import { permitStats } from '../../functions/permits/application/permit-stats.use-case.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ForbiddenError } from '../../functions/shared/errors/domain-errors.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import { permitEventsConsumer, permitHistoryConsumer } from './follow-permit-events.ts';
import { localPapers } from './local-papers.ts';
import { followStreams, freshTablesWithReferenceData, localDocumentClient } from './local-aws.ts';

const filedAt = new Date('2026-12-01T09:00:00Z');
const afterDeadlines = new Date('2027-02-01T09:00:00Z');
const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const period = { from: '2026-12-01', to: '2027-02-01' };

let dependencies: PermitsWithWorkflow;
let lapsingId: string;
let clock: VirtualClock;
let streams: LocalStreams;

async function file(commune: string, procedure: string) {
  return filePermitApplication(dependencies, { applicant: 'citizen-1', procedure, commune, project: { title: 'Maison', address: '1 rue A' } }, filedAt);
}

describe('permit figures on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(permitsService.tables ?? []);
    const documents = localDocumentClient();
    const repository = new DynamoDbPermitsRepository(documents, names.permits!, names.reference!);
    dependencies = { repository, identifiers: permitIdentifiers, workflow: { watch: async () => {} } };
    // The counters follow each change through the table's stream, as in AWS.
    clock = new VirtualClock(filedAt);
    streams = followStreams(clock, names, [permitEventsConsumer({ ...dependencies, papers: (await localPapers('integration-permits')).papers }), permitHistoryConsumer(dependencies.repository)]);
    // Rabat: two small buildings, one left to lapse; Tamesna (same region, another prefecture): one subdivision;
    // Casablanca (another region): one small building.
    const lapsing = await file('rabat', 'building-small');
    lapsingId = lapsing.id;
    await file('rabat', 'building-small');
    await file('tamesna', 'subdivision');
    await file('casablanca', 'building-small');
    await checkPermitDeadline(dependencies, lapsing.id, afterDeadlines);
    await clock.quiescent();
  });

  afterAll(async () => {
    await streams.stop();
    clock.dispose();
  });

  it('gives the national total, one row per region and one per procedure', async () => {
    const figures = await permitStats(dependencies.repository, admin, period);

    expect(figures).toMatchObject({ scope: { level: 'national' }, filed: 4, lapsed: 1, overdueNow: 1 });
    expect(figures.breakdown.map((row) => [row.code, row.filed, row.overdueNow])).toEqual([
      ['casablanca-settat', 1, 0],
      ['fes-meknes', 0, 0],
      ['marrakech-safi', 0, 0],
      ['oriental', 0, 0],
      ['rabat-sale-kenitra', 3, 1],
      ['souss-massa', 0, 0],
      ['tanger-tetouan-al-hoceima', 0, 0],
    ]);
    expect(figures.byProcedure.map((row) => [row.procedure, row.filed, row.lapsed, row.overdueNow])).toEqual([
      ['building-small', 3, 1, 1],
      ['subdivision', 1, 0, 0],
    ]);
  });

  it('gives a region with its prefectures, and a prefecture with its communes', async () => {
    const region = await permitStats(dependencies.repository, auditor, { ...period, region: 'rabat-sale-kenitra' });
    const prefecture = await permitStats(dependencies.repository, auditor, { ...period, province: 'rabat' });

    expect(region).toMatchObject({ scope: { level: 'region', code: 'rabat-sale-kenitra', names: { fr: 'Rabat-Salé-Kénitra' } }, filed: 3 });
    expect(region.breakdown.map((row) => [row.code, row.filed])).toEqual([
      ['rabat', 2],
      ['skhirate-temara', 1],
    ]);
    expect(prefecture.breakdown.map((row) => [row.level, row.code, row.filed, row.lapsed])).toEqual([['commune', 'rabat', 2, 1]]);
  });

  it("gives a commune's figures to its own staff, by procedure", async () => {
    const agent: Principal = { sub: 'agent-1', roles: ['agent'], commune: 'tamesna' };

    const figures = await permitStats(dependencies.repository, agent, { ...period, commune: 'tamesna' });

    expect(figures).toMatchObject({ scope: { level: 'commune', code: 'tamesna' }, commune: 'tamesna', filed: 1, overdueNow: 0 });
    expect(figures.byProcedure.map((row) => row.procedure)).toEqual(['subdivision']);
  });

  it("refuses a commune's staff another commune's, a region's and the national figures", async () => {
    const agent: Principal = { sub: 'agent-1', roles: ['agent'], commune: 'tamesna' };

    await expect(permitStats(dependencies.repository, agent, { ...period, commune: 'rabat' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(permitStats(dependencies.repository, agent, { ...period, region: 'rabat-sale-kenitra' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(permitStats(dependencies.repository, agent, period)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('compares with the same period a year earlier', async () => {
    const nextYear = await permitStats(dependencies.repository, admin, { from: '2027-12-01', to: '2028-01-31' });

    expect(nextYear.previousYear).toMatchObject({ from: '2026-12-01', to: '2027-01-31', filed: 4 });
    expect(nextYear.changePercent.filed).toBe(-100);
  });

  it('counts the files overdue now whatever the period, and none of the days after it', async () => {
    const before = await permitStats(dependencies.repository, admin, { from: '2026-11-01', to: '2026-11-30' });
    const rabat = await permitStats(dependencies.repository, admin, { from: '2026-11-01', to: '2026-11-30', commune: 'rabat' });

    expect(before).toMatchObject({ filed: 0, lapsed: 0, overdueNow: 1 });
    expect(rabat).toMatchObject({ filed: 0, overdueNow: 1 });
  });

  it('stops counting a file as overdue once its deemed approval is invoked', async () => {
    await invokePermitDeemedApproval(dependencies, lapsingId, { sub: 'citizen-1', roles: ['citizen'] }, afterDeadlines);
    // The overdue marker follows the change's event (the history's consumer deletes it).
    await clock.quiescent();

    const national = await permitStats(dependencies.repository, admin, period);
    const rabat = await permitStats(dependencies.repository, admin, { ...period, commune: 'rabat' });

    expect(national.overdueNow).toBe(0);
    expect(rabat.overdueNow).toBe(0);
  });
});
