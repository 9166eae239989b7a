// Proactive publication: an agent of the commune declares a dataset, its president approves it (it is published, or
// at the end of its embargo by a workflow), and the commune's DCAT-AP catalogue is written again from every
// published dataset, out of the request that published it; anyone reads the catalogue as it was stored.
import type { Principal } from '../../shared/auth/principal.ts';
import { IdempotencyKeyReusedError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { holdsFieldsOf } from '../../shared/http/idempotency-ids.ts';
import type { DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { approveDataset, declareDataset, embargoEnd, publishAtEmbargoEnd, type Dataset, type DatasetFields } from '../domain/dataset.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';
import { dcatCatalogue, nationalCatalogue, type ListedCatalogue } from '../domain/dcat-catalogue.ts';
import { agentActing, headOfBodyActing } from '../domain/open-data-access.ts';
import type { CatalogueStore, DatasetRepository, NationalCatalogues, OpenDataDependencies } from './open-data.ports.ts';

const unknownDataset = (id: string) => new NotFoundError({ ar: `لا توجد مجموعة بيانات ${id}`, fr: `Aucun jeu de données ${id}`, en: `No dataset ${id}` });

/** An agent declares a dataset of their commune, as a draft; a retry with the same key gets the first. */
export async function declare(dependencies: OpenDataDependencies, fields: DatasetFields, principal: Principal, context: { readonly now: Date; readonly idempotencyKey?: string }): Promise<Dataset> {
  const commune = principal.commune ?? '';
  const by = agentActing(commune, principal);
  const id = dependencies.identifiers.datasetIdFor(principal.sub, context.idempotencyKey);
  const dataset = declareDataset(id, commune, fields, by, context.now);
  if ((await dependencies.repository.createDataset(dataset)) === 'created') return dataset;
  const first = await dependencies.repository.getDataset(id);
  if (!first || !holdsFieldsOf(first, { ...fields })) {
    throw new IdempotencyKeyReusedError({
      ar: 'مفتاح عدم التكرار هذا استُعمل لمجموعة بيانات أخرى',
      fr: "Cette clé d'idempotence a déjà servi pour un autre jeu de données",
      en: 'This Idempotency-Key was used for another dataset',
    });
  }
  return first;
}

/** The president of the dataset's commune approves it: published, its catalogue written again from its event. */
export async function approve(repository: DatasetRepository, id: string, principal: Principal, now: Date): Promise<Dataset> {
  const dataset = await repository.getDataset(id);
  if (!dataset) throw unknownDataset(id);
  const approved = approveDataset(dataset, headOfBodyActing(dataset.commune, principal), now);
  await repository.saveDataset(approved.dataset, approved.outbox);
  return approved.dataset;
}

/**
 * The embargo workflow's check (statemachines/deadline-case.asl.json): an approved dataset sleeps until its embargo
 * ends, then is published (its catalogue written from the event); anything else ends the workflow.
 */
export async function checkDatasetEmbargo(repository: DatasetRepository, id: string, now: Date): Promise<DeadlineCheck> {
  const dataset = await repository.getDataset(id);
  const end = dataset && embargoEnd(dataset);
  if (!dataset || dataset.status !== 'approved' || !end) return { subject: id, state: 'closed' };
  const change = publishAtEmbargoEnd(dataset, now);
  if (!change) return { subject: id, state: 'running', wakeAt: end.toISOString() };
  await repository.saveDataset(change.dataset, change.outbox);
  return { subject: id, state: 'closed' };
}

/** An approved dataset under embargo: a workflow watches that version, once. */
export function followEmbargo(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { datasetId, version } = event.data as { datasetId: string; version: number };
  return workflow.watch(datasetId, version);
}

/**
 * Writes the commune's catalogue again, whole, from every published dataset (a redelivery writes the same). `fresh`:
 * a dataset just written, which the index may not show yet; the later of its two versions is listed.
 */
export async function writeCatalogue(repository: DatasetRepository, store: CatalogueStore, commune: string, now: Date, fresh?: Dataset): Promise<ListedCatalogue> {
  const [names, indexed] = await Promise.all([repository.communeNames(commune), repository.publishedDatasets(commune)]);
  // A dataset is declared only in the commune of its agent's token, which reference data holds.
  if (!names) throw new Error(`Commune ${commune} of a published dataset is not in reference data`);
  const datasets = fresh ? [...indexed.filter((dataset) => dataset.id !== fresh.id), latest(fresh, indexed.find((dataset) => dataset.id === fresh.id))] : indexed;
  await store.put(commune, dcatCatalogue({ code: commune, names }, datasets, now));
  return { code: commune, names, modified: now.toISOString(), datasets: datasets.length };
}

/**
 * Lists a commune's catalogue as just written in the national catalogue, then writes that one again whole. Two
 * communes written at the same instant may leave one of them out until either is written again.
 */
export async function writeNationalCatalogue(national: NationalCatalogues, written: ListedCatalogue, now: Date): Promise<void> {
  await national.record(written);
  await national.put(nationalCatalogue(await national.listed(), now));
}

export async function readNationalCatalogue(national: NationalCatalogues): Promise<Record<string, unknown>> {
  const document = await national.get();
  if (!document) throw new NotFoundError({ ar: 'لم تنشر أي جماعة مجموعة بيانات بعد', fr: "Aucune commune n'a encore publié de jeu de données", en: 'No commune has published a dataset yet' });
  return document;
}

const latest = (fresh: Dataset, indexed: Dataset | undefined) => (indexed && indexed.version > fresh.version ? indexed : fresh);

export async function readCatalogue(store: CatalogueStore, commune: string): Promise<Record<string, unknown>> {
  const document = await store.get(commune);
  if (!document) {
    throw new NotFoundError({ ar: `لم تنشر الجماعة ${commune} أي مجموعة بيانات بعد`, fr: `La commune ${commune} n'a encore publié aucun jeu de données`, en: `Commune ${commune} has published no dataset yet` });
  }
  return document;
}
