// Datasets fed by other contexts' events: an agent declares the commune's dataset of a feed (the permit, complaint or
// access-to-information figures), its president approves it (under its embargo); the source context's counted events
// add to the commune's rows from the first day, and once the dataset is published its files are generated from them,
// stored with their SHA-256 and listed in the catalogue, again whenever the figures change. Anyone downloads a
// published dataset's stored files.
import { createHash } from 'node:crypto';
import type { ComplaintCounted } from '../../complaints/public.ts';
import { countedFigures, type PermitChanged } from '../../permits/public.ts';
import type { RequestCounted } from '../../transparency/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { NotFoundError } from '../../shared/errors/domain-errors.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { Dataset, DatasetFields } from '../domain/dataset.ts';
import { declareFedDataset, FedDatasetDeclaredError, feedCounts, figuresFiles, monthOf, publishedFile, withFiles, type Feed, type FigureRow, type StoredFile } from '../domain/fed-dataset.ts';
import { oneEach } from '../../shared/aws/counted-once.ts';
import { agentActing } from '../domain/open-data-access.ts';
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import { writeCatalogue, writeNationalCatalogue } from './catalogue.use-cases.ts';
import { recordPublication } from './publication-register.use-cases.ts';
import type { CatalogueStore, DatasetFiles, DatasetRepository, FeedFigures, NationalCatalogues, PublicationRegister } from './open-data.ports.ts';

/** A commune's dataset of a feed has one id, so the events of the commune find it with no index. */
export const fedDatasetId = (commune: string, feed: Feed) => idFromIdempotencyKey('fed-dataset', `${feed}:${commune}`);

export interface FedDatasets {
  readonly repository: DatasetRepository;
  readonly figures: FeedFigures;
  readonly files: DatasetFiles;
  readonly catalogues: CatalogueStore;
  readonly register: PublicationRegister;
  readonly national: NationalCatalogues;
}

/**
 * An agent declares their commune's dataset of a feed, a draft with no file: declared again with the same licence
 * and embargo, the same dataset; with others, 409 (one per commune and feed).
 */
export async function declareFed(
  repository: DatasetRepository,
  feed: Feed,
  fields: Pick<DatasetFields, 'license' | 'embargoUntil' | 'contactPoint'>,
  principal: Principal,
  now: Date,
): Promise<{ readonly dataset: Dataset; readonly created: boolean }> {
  const commune = principal.commune ?? '';
  const by = agentActing(commune, principal);
  const names = await repository.communeNames(commune);
  if (!names) throw unknownCommune(commune);
  const dataset = declareFedDataset(fedDatasetId(commune, feed), commune, feed, names, fields, by, now);
  if ((await repository.createDataset(dataset)) === 'created') return { dataset, created: true };
  const first = await repository.getDataset(dataset.id);
  if (first && first.license === fields.license && first.embargoUntil === fields.embargoUntil) return { dataset: first, created: false };
  throw new FedDatasetDeclaredError({
    ar: `لجماعة ${commune} مجموعة بيانات ${feed} بترخيص أو حظر آخر`,
    fr: `La commune ${commune} a déjà un jeu de données ${feed}, avec une autre licence ou un autre embargo`,
    en: `Commune ${commune} already has a ${feed} dataset, with another licence or embargo`,
  });
}

const sha256Of = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * Generates a published fed dataset's files from its figures, stores them (content-addressed: a file's name is its
 * SHA-256) and lists them on the dataset, then writes its commune's catalogue again. Not published (a draft, or
 * approved under embargo): nothing, its figures wait. Run again for the same figures it stores the same files and
 * changes nothing but the catalogue, written again whole.
 */
export async function refreshFedDataset(dependencies: FedDatasets, datasetId: string, now: Date): Promise<void> {
  const dataset = await dependencies.repository.getDataset(datasetId);
  if (!dataset?.feed || dataset.status !== 'published') return;
  const generated = figuresFiles(dataset.feed, dataset.commune, await dependencies.figures.rows(dataset.feed, dataset.commune));
  const stored: StoredFile[] = [];
  for (const file of generated) {
    const sha256 = sha256Of(file.content);
    const fileName = `${sha256}.${file.extension}`;
    await dependencies.files.put(dataset.id, fileName, file.content, sha256, file.mediaType);
    stored.push({ title: file.title, mediaType: file.mediaType, fileName, sha256, byteSize: file.content.length });
  }
  const changed = withFiles(dataset, stored, now);
  if (changed) await dependencies.repository.saveDataset(changed, []);
  await writeNationalCatalogue(dependencies.national, await writeCatalogue(dependencies.repository, dependencies.catalogues, dataset.commune, now, changed ?? dataset), now);
  await recordPublication(dependencies.register, changed ?? dataset);
}

/**
 * A counted change of a source context: its counts join its commune's row of the feed (once), and the commune's
 * dataset of that feed, if published, is generated again. Even for a redelivered event: the files may not have been
 * written after the count.
 */
async function countInFeed(dependencies: FedDatasets, feed: Feed, event: DomainEvent, commune: string, row: FigureRow, now: Date): Promise<void> {
  if (Object.keys(row.counts).length === 0) return;
  await dependencies.figures.count(feed, event.id, commune, row, event.occurredAt);
  await refreshFedDataset(dependencies, fedDatasetId(commune, feed), now);
}

/** A permit change the figures count, on the day the permits context says (its rule), in that day's month. */
export function followPermitFigures(dependencies: FedDatasets, event: DomainEvent<PermitChanged>, now: Date): Promise<void> {
  const counted = countedFigures(event);
  return countInFeed(dependencies, 'permit-figures', event, counted.commune, { dimensions: { month: monthOf(counted.date) }, counts: oneEach(counted.counters) }, now);
}

/** A complaint's counted change, in the year of its receipt and its category, as the complaints context counts it. */
export function followComplaintFigures(dependencies: FedDatasets, event: DomainEvent<ComplaintCounted>, now: Date): Promise<void> {
  const { commune, year, category, counts } = event.data;
  return countInFeed(dependencies, 'complaint-figures', event, commune, { dimensions: { year: String(year), category }, counts: feedCounts('complaint-figures', counts) }, now);
}

/** An access-to-information request's counted change, in the year of its receipt, as transparency counts it. */
export function followRequestFigures(dependencies: FedDatasets, event: DomainEvent<RequestCounted>, now: Date): Promise<void> {
  const { commune, year, counts } = event.data;
  return countInFeed(dependencies, 'information-request-figures', event, commune, { dimensions: { year: String(year) }, counts: feedCounts('information-request-figures', counts) }, now);
}

/**
 * A dataset was published: a fed one has its files generated (and its catalogue written), another its catalogue;
 * the national catalogue lists the commune's as written, and the register records its category's last publication.
 */
export async function followDatasetPublished(dependencies: FedDatasets, event: DomainEvent, now: Date): Promise<void> {
  const dataset = await dependencies.repository.getDataset(event.subject);
  if (dataset?.feed) return refreshFedDataset(dependencies, dataset.id, now);
  await writeNationalCatalogue(dependencies.national, await writeCatalogue(dependencies.repository, dependencies.catalogues, (event.data as { commune: string }).commune, now), now);
  if (dataset) await recordPublication(dependencies.register, dataset);
}

const noFile = (fileName: string) => new NotFoundError({ ar: `لا يوجد ملف ${fileName} منشور`, fr: `Aucun fichier publié ${fileName}`, en: `No published file ${fileName}` });

/** A published dataset's stored file, as it was stored; 404 for any other (a draft's, an embargoed one's). */
export async function datasetFile(dependencies: Pick<FedDatasets, 'repository' | 'files'>, datasetId: string, fileName: string): Promise<{ readonly content: Uint8Array; readonly mediaType: string; readonly sha256: string }> {
  const distribution = publishedFile(await dependencies.repository.getDataset(datasetId), fileName);
  if (!distribution) throw noFile(fileName);
  const content = await dependencies.files.get(datasetId, fileName);
  if (!content) throw noFile(fileName);
  return { content, mediaType: distribution.mediaType, sha256: distribution.sha256! };
}
