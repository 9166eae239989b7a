// The permit figures as open data, on DynamoDB Local and the S3 server, each context's consumer behind its table's
// real stream: the permits' counted changes add to the commune's months whatever the dataset's state, no file is
// out while it waits for its embargo, its files are generated at its publication with their SHA-256 and again when a
// figure changes, and the Minister's "31 of 129" (deemed approval invoked in 31 of the 129 files that lapsed,
// September to November 2023) comes out of the open files exactly as out of the permits' own figures.
import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPermitsRepository } from '../../functions/permits/adapters/dynamodb-permits.repository.ts';
import { permitIdentifiers } from '../../functions/permits/adapters/permit-identifiers.ts';
import { checkPermitDeadline } from '../../functions/permits/application/check-deadline.use-case.ts';
import { decidePermit, invokePermitDeemedApproval } from '../../functions/permits/application/change-permit.use-cases.ts';
import { filePermitApplication, type PermitsWithWorkflow } from '../../functions/permits/application/file-permit.use-case.ts';
import { permitStats } from '../../functions/permits/application/permit-stats.use-case.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import { COUNTED_EVENTS, type PermitChanged } from '../../functions/permits/public.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { DynamoDbFeedFigures } from '../../functions/open-data/adapters/dynamodb-feed-figures.repository.ts';
import { DynamoDbS3NationalCatalogues } from '../../functions/open-data/adapters/national-catalogues.ts';
import { DynamoDbPublicationRegister } from '../../functions/open-data/adapters/dynamodb-publication-register.repository.ts';
import { readRegister } from '../../functions/open-data/application/publication-register.use-cases.ts';
import { DynamoDbDatasetRepository } from '../../functions/open-data/adapters/dynamodb-datasets.repository.ts';
import { S3CatalogueStore } from '../../functions/open-data/adapters/s3-catalogue-store.ts';
import { S3DatasetFiles } from '../../functions/open-data/adapters/s3-dataset-files.ts';
import { approve, checkDatasetEmbargo, readCatalogue } from '../../functions/open-data/application/catalogue.use-cases.ts';
import { datasetFile, declareFed, followDatasetPublished, followPermitFigures, type FedDatasets } from '../../functions/open-data/application/fed-datasets.use-cases.ts';
import { DATASET_PUBLISHED, type Dataset } from '../../functions/open-data/domain/dataset.ts';
import type { FigureRow } from '../../functions/open-data/domain/fed-dataset.ts';
import { openDataService } from '../../functions/open-data/open-data.service.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import { harvestDcat } from '../fixtures/dcat-ap/harvest-dcat.ts';
import { validateDcatAp } from '../fixtures/dcat-ap/validate-dcat-ap.ts';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { followStreams, freshTablesWithReferenceData, localDocumentClient, localS3, type TestConsumer } from './local-aws.ts';

const COMMUNE = 'agadir';
const agent: Principal = { sub: 'agent-agadir', roles: ['agent'], commune: COMMUNE };
const president: Principal = { sub: 'president-agadir', roles: ['president'], commune: COMMUNE };
const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const permitsPresident = president;
const applicant: Principal = { sub: 'citizen-agadir', roles: ['citizen'] };
const DAY = 24 * 3600 * 1000;
const declaredAt = new Date('2023-08-01T09:00:00Z');
const EMBARGO = '2023-12-15';
const afterEmbargo = new Date('2023-12-15T09:00:00Z');
const catalogueUrl = `http://localhost:3000/v1/transparency/catalogues/${COMMUNE}`;

let permits: PermitsWithWorkflow;
let fed: FedDatasets;
let streams: ReturnType<typeof followStreams>;
let clock: VirtualClock;
let datasetId: string;
let waitingDistributions: Dataset['distributions'];

const file = (at: Date) => filePermitApplication(permits, { applicant: applicant.sub, procedure: 'building-small', commune: COMMUNE, project: { title: 'Maison', address: '3 rue B' } }, at);

/** A file left to lapse `lapseAfterDays` after its filing, deemed approval invoked a day later when `invoke`. */
async function lapse(filedAt: Date, invoke: boolean, lapseAfterDays = 40) {
  const permit = await file(filedAt);
  await checkPermitDeadline(permits, permit.id, new Date(filedAt.getTime() + lapseAfterDays * DAY));
  if (invoke) await invokePermitDeemedApproval(permits, permit.id, applicant, new Date(filedAt.getTime() + (lapseAfterDays + 1) * DAY));
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map((item, offset) => run(item, start + offset)));
}

async function downloaded(distribution: Dataset['distributions'][number]) {
  const { content, sha256 } = await datasetFile(fed, datasetId, distribution.fileName!);
  return { text: Buffer.from(content).toString('utf8'), sha256, computed: createHash('sha256').update(content).digest('hex') };
}

/** Sums the open CSV's counts of the months from..to. */
function openFigures(csvText: string, from: string, to: string) {
  const rows = parse(csvText, { bom: true, columns: true }) as Record<string, string>[];
  const within = rows.filter((row) => row.month! >= from && row.month! <= to);
  const sum = (column: string) => within.reduce((total, row) => total + Number(row[column]), 0);
  return { filed: sum('filed'), decidedInTime: sum('decided_in_time'), lapsed: sum('lapsed'), deemedApprovalInvoked: sum('deemed_approval_invoked') };
}

describe('the permit figures as open data', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData([...(permitsService.tables ?? []), ...(openDataService.tables ?? [])]);
    const documents = localDocumentClient();
    const permitsRepository = new DynamoDbPermitsRepository(documents, names.permits!, names.reference!);
    permits = { repository: permitsRepository, identifiers: permitIdentifiers, workflow: { watch: async () => {} } };
    const repository = new DynamoDbDatasetRepository(documents, names['open-data']!, () => names.reference!);
    const s3 = localS3();
    fed = {
      repository,
      figures: new DynamoDbFeedFigures(documents, names['open-data']!),
      files: new S3DatasetFiles(s3, INTEGRATION_BUCKET),
      catalogues: new S3CatalogueStore(s3, INTEGRATION_BUCKET),
      register: new DynamoDbPublicationRegister(documents, names['open-data']!),
      national: new DynamoDbS3NationalCatalogues(documents, names['open-data']!, s3, INTEGRATION_BUCKET),
    };
    clock = new VirtualClock(declaredAt);
    const subscription = (functionId: string, service: typeof openDataService): TestConsumer['consumes'] => service.functions.find((fn) => fn.id === functionId)!.consumes!;
    streams = followStreams(clock, names, [
      // The permits' own counting, alone of what follows a permit change (no receipt is issued here).
      {
        functionId: 'CountPermitFigures',
        consumes: [{ tableId: 'permits', eventTypes: [...COUNTED_EVENTS] }],
        handlers: Object.fromEntries(COUNTED_EVENTS.map((type) => [type, (event: DomainEvent) => permitsRepository.count(event as DomainEvent<PermitChanged>)])),
      },
      {
        functionId: 'FollowCountedFigures',
        consumes: subscription('FollowCountedFigures', openDataService).filter((subscription) => subscription.tableId === 'permits'),
        handlers: Object.fromEntries(COUNTED_EVENTS.map((type) => [type, (event: DomainEvent) => followPermitFigures(fed, event as DomainEvent<PermitChanged>, clock.now())])),
      },
      { functionId: 'FollowOpenDataEvents', consumes: [{ tableId: 'open-data', eventTypes: [DATASET_PUBLISHED] }], handlers: { [DATASET_PUBLISHED]: (event) => followDatasetPublished(fed, event, clock.now()) } },
    ]);

    // Declared and approved in August under an embargo to 15 December: the figures count from the first event on.
    const { dataset } = await declareFed(repository, 'permit-figures', { license: 'https://creativecommons.org/licenses/by/4.0/', embargoUntil: EMBARGO }, agent, declaredAt);
    datasetId = dataset.id;
    expect((await approve(repository, datasetId, president, declaredAt)).status).toBe('approved');

    // 129 files lapse between September and November 2023 (filed from 22 August to 20 October, each lapsing 40
    // days later), deemed approval invoked in 31 of them; one more lapses in December, outside the period; two
    // are decided in time in September.
    const filings = Array.from({ length: 129 }, (_, index) => new Date(Date.parse('2023-08-22T09:00:00Z') + Math.floor((index * 59) / 128) * DAY));
    await inBatches(filings, 8, (filedAt, index) => lapse(filedAt, index % 4 === 0 && index < 124));
    await lapse(new Date('2023-11-10T09:00:00Z'), true);
    for (const filedAt of [new Date('2023-09-04T09:00:00Z'), new Date('2023-09-05T09:00:00Z')]) {
      const permit = await file(filedAt);
      await decidePermit(permits, permit.id, { outcome: 'approved', reasons: 'conform' }, permitsPresident, new Date(filedAt.getTime() + 3 * DAY));
    }
    await clock.quiescent();
    waitingDistributions = (await repository.getDataset(datasetId))!.distributions;

    // The embargo ends: its workflow's check publishes it, and its files are generated from the months counted.
    await clock.set(afterEmbargo);
    await checkDatasetEmbargo(repository, datasetId, afterEmbargo);
    await clock.quiescent();
  }, 240_000);

  afterAll(async () => {
    await streams?.stop();
    clock?.dispose();
  });

  it('puts out no file while the dataset waits for its embargo', () => {
    expect(waitingDistributions).toEqual([]);
  });

  it("gives the Minister's 31 of 129 from the open CSV, as the permits' own figures give it", async () => {
    const dataset = (await fed.repository.getDataset(datasetId))!;
    const csv = dataset.distributions.find((distribution) => distribution.mediaType === 'text/csv')!;
    const figures = await permitStats(permits.repository, auditor, { commune: COMMUNE, from: '2023-09-01', to: '2023-11-30' });

    const open = openFigures((await downloaded(csv)).text, '2023-09', '2023-11');

    expect({ lapsed: open.lapsed, deemedApprovalInvoked: open.deemedApprovalInvoked }).toEqual({ lapsed: 129, deemedApprovalInvoked: 31 });
    expect(open).toEqual({ filed: figures.filed, decidedInTime: figures.decidedInTime, lapsed: figures.lapsed, deemedApprovalInvoked: figures.deemedApprovalInvoked });
    expect(openFigures((await downloaded(csv)).text, '2023-12', '2023-12')).toMatchObject({ lapsed: 1, deemedApprovalInvoked: 1 });
  });

  it('stores each file under its SHA-256, and lists it in a catalogue the shapes accept', async () => {
    const dataset = (await fed.repository.getDataset(datasetId))!;
    expect(dataset.distributions.map((distribution) => distribution.mediaType).sort()).toEqual(['application/json', 'text/csv']);
    for (const distribution of dataset.distributions) {
      const { sha256, computed, text } = await downloaded(distribution);
      expect(computed).toBe(sha256);
      expect(distribution.fileName).toBe(`${sha256}.${distribution.mediaType === 'text/csv' ? 'csv' : 'json'}`);
      expect(distribution.byteSize).toBe(Buffer.byteLength(text, 'utf8'));
      // The local S3 server does not check the SHA-256 it is sent (S3 does): the stored bytes are hashed here.
      const object = await localS3().send(new GetObjectCommand({ Bucket: INTEGRATION_BUCKET, Key: `datasets/${datasetId}/${distribution.fileName!}` }));
      expect(createHash('sha256').update(await object.Body!.transformToByteArray()).digest('hex')).toBe(sha256);
    }

    const catalogue = await readCatalogue(fed.catalogues, COMMUNE);
    expect((await validateDcatAp(catalogue, catalogueUrl)).conforms).toBe(true);
    const [harvested] = (await harvestDcat(catalogue, catalogueUrl)).filter((entry) => entry.identifier === datasetId);
    expect(harvested!.distributions.map((distribution) => distribution.checksum?.value).sort()).toEqual(dataset.distributions.map((distribution) => distribution.sha256).sort());
  });

  it('generates its files again when a figure changes, and the catalogue lists the new ones', async () => {
    const before = (await fed.repository.getDataset(datasetId))!;

    await lapse(new Date('2023-12-01T09:00:00Z'), false, 20);
    await clock.quiescent();

    const after = (await fed.repository.getDataset(datasetId))!;
    // Its filing and its lapse, each a new version of the files.
    expect(after.version).toBe(before.version + 2);
    expect(after.distributions.map((distribution) => distribution.sha256)).not.toEqual(before.distributions.map((distribution) => distribution.sha256));
    const csv = after.distributions.find((distribution) => distribution.mediaType === 'text/csv')!;
    expect(openFigures((await downloaded(csv)).text, '2023-12', '2023-12')).toMatchObject({ lapsed: 2, filed: 1 });
    const harvested = (await harvestDcat(await readCatalogue(fed.catalogues, COMMUNE), catalogueUrl)).find((entry) => entry.identifier === datasetId)!;
    expect(harvested.distributions.map((distribution) => distribution.checksum?.value).sort()).toEqual(after.distributions.map((distribution) => distribution.sha256).sort());
  });

  it("records the publication and each change of its files as its category's last publication in the register", async () => {
    const dataset = (await fed.repository.getDataset(datasetId))!;

    const { categories } = await readRegister(fed.register, COMMUNE, afterEmbargo);

    expect(categories.find((line) => line.category === 'permits-and-licences')).toEqual({ category: 'permits-and-licences', status: 'not-scheduled', lastPublishedAt: dataset.modifiedAt });
  });

  it('counts a redelivered event once and changes nothing', async () => {
    const before = (await fed.repository.getDataset(datasetId))!;
    const months = await fed.figures.rows('permit-figures', COMMUNE);
    const event = {
      id: 'redelivered-1',
      type: 'permit.deadline-lapsed',
      source: 'permits',
      subject: 'p-1',
      version: 2,
      occurredAt: '2023-12-20T09:00:00Z',
      data: { permitId: 'p-1', version: 2, commune: COMMUNE, procedure: 'building-small', statusAfter: 'deemed-approval-available', counters: ['lapsed'], startsWorkflow: false },
    } as unknown as DomainEvent<PermitChanged>;

    await followPermitFigures(fed, event, afterEmbargo);
    const december = (rows: FigureRow[]) => rows.find((row) => row.dimensions.month === '2023-12')!;
    const once = december(await fed.figures.rows('permit-figures', COMMUNE));
    await followPermitFigures(fed, event, afterEmbargo);

    expect(december(await fed.figures.rows('permit-figures', COMMUNE))).toEqual(once);
    expect(once.counts.lapsed).toBe(december(months).counts.lapsed! + 1);
    expect((await fed.repository.getDataset(datasetId))!.version).toBe(before.version + 1);
  });
});
