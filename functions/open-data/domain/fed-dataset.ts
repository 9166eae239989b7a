// Datasets the platform writes itself from other contexts' events, with no hand copying: a commune's permit figures
// per month (filed, decided in time, lapsed, deemed approval invoked). An agent declares the commune's fed dataset
// (one per feed), its president approves it like any other, under its embargo; from its publication on, its files
// (CSV and JSON) are generated from the figures and generated again whenever they change. Pure.
import { COUNTERS, type Counter, type Counters } from '../../permits/public.ts';
import { DomainError } from '../../shared/errors/domain-errors.ts';
import { toCsv } from '../../shared/http/csv.ts';
import { OPEN_DATA_PROBLEMS } from '../open-data.problems.ts';
import type { Actor } from './open-data-access.ts';
import { declareDataset, type Dataset, type DatasetFields, type Distribution } from './dataset.ts';

export const FEEDS = ['permit-figures'] as const;
export type Feed = (typeof FEEDS)[number];

/** A month's figures of one commune: `YYYY-MM` (Moroccan months, as the permits context counts its days). */
export interface MonthFigures extends Counters {
  readonly month: string;
}

/** A commune has one dataset per feed: declared again with other fields, it is refused. */
export class FedDatasetDeclaredError extends DomainError {
  readonly problem = OPEN_DATA_PROBLEMS['fed-dataset-declared'];
}

/** The month of a Moroccan date. */
export const monthOf = (date: string) => date.slice(0, 7);

const FEED_FIELDS: Readonly<Record<Feed, (communeNames: { ar: string; fr: string }) => Omit<DatasetFields, 'license' | 'distributions' | 'embargoUntil'>>> = {
  'permit-figures': (names) => ({
    title: { ar: `أرقام رخص التعمير بجماعة ${names.ar} حسب الشهر`, fr: `Chiffres des autorisations d'urbanisme de ${names.fr}, par mois` },
    description: {
      ar: 'عدد الملفات المودعة، والمقررة داخل الأجل، والتي انقضى أجلها دون قرار، والتي طُلبت فيها الموافقة الضمنية، في كل شهر. تُحسب تلقائيا من أحداث المنصة.',
      fr: "Par mois : les dossiers déposés, décidés dans le délai, dont le délai a expiré sans décision, et ceux où l'approbation tacite a été invoquée. Calculés par la plateforme à partir de ses événements.",
    },
    category: 'permits-and-licences',
    accrualPeriodicity: 'MONTHLY',
  }),
};

/** The commune's fed dataset, a draft with no file yet: its files are made when it is published. */
export function declareFedDataset(
  id: string,
  commune: string,
  feed: Feed,
  communeNames: { readonly ar: string; readonly fr: string },
  fields: Pick<DatasetFields, 'license' | 'embargoUntil' | 'contactPoint'>,
  by: Actor,
  now: Date,
): Dataset {
  return { ...declareDataset(id, commune, { ...FEED_FIELDS[feed](communeNames), license: fields.license, distributions: [], ...(fields.embargoUntil && { embargoUntil: fields.embargoUntil }), ...(fields.contactPoint && { contactPoint: fields.contactPoint }) }, by, now), feed };
}

/** Column names of the open files: the permits context's counter names, in snake case. */
const COLUMN: Readonly<Record<Counter, string>> = { filed: 'filed', decidedInTime: 'decided_in_time', lapsed: 'lapsed', deemedApprovalInvoked: 'deemed_approval_invoked' };

export interface GeneratedFile {
  readonly title: string;
  readonly mediaType: Distribution['mediaType'];
  readonly extension: 'csv' | 'json';
  readonly content: Uint8Array;
}

/**
 * The figures as the two files of the dataset, oldest month first. Nothing in them but the commune, the month and
 * the four counts (no instant of generation either: the same figures make the same bytes, so the same SHA-256).
 */
export function permitFiguresFiles(commune: string, months: readonly MonthFigures[]): GeneratedFile[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const csv = toCsv(
    ['commune', 'month', ...COUNTERS.map((counter) => COLUMN[counter])],
    sorted.map((row) => [commune, row.month, ...COUNTERS.map((counter) => row[counter])]),
  );
  const json = Buffer.from(
    `${JSON.stringify({ commune, months: sorted.map((row) => ({ month: row.month, ...Object.fromEntries(COUNTERS.map((counter) => [COLUMN[counter], row[counter]])) })) }, null, 2)}\n`,
    'utf8',
  );
  return [
    { title: 'Permit figures per month (CSV)', mediaType: 'text/csv', extension: 'csv', content: csv },
    { title: 'Permit figures per month (JSON)', mediaType: 'application/json', extension: 'json', content: json },
  ];
}

/** A file the platform stores, as its dataset lists it. */
export interface StoredFile {
  readonly title: string;
  readonly mediaType: Distribution['mediaType'];
  /** `<sha256>.<extension>`: the name it is downloaded by. */
  readonly fileName: string;
  readonly sha256: string;
  readonly byteSize: number;
}

/** Where the platform serves a stored file, relative to the API (the catalogue's JSON-LD resolves it against its own URL). */
export const fileDownloadPath = (datasetId: string, fileName: string) => `/v1/transparency/datasets/${datasetId}/files/${fileName}`;

export function storedDistribution(datasetId: string, file: StoredFile): Distribution {
  const url = fileDownloadPath(datasetId, file.fileName);
  return { title: file.title, mediaType: file.mediaType, accessURL: url, downloadURL: url, fileName: file.fileName, sha256: file.sha256, byteSize: file.byteSize };
}

/**
 * The dataset with these files as its distributions, dated `now`; undefined when it lists exactly these already
 * (a redelivered event changes nothing).
 */
export function withFiles(dataset: Dataset, files: readonly StoredFile[], now: Date): Dataset | undefined {
  const distributions = files.map((file) => storedDistribution(dataset.id, file));
  const same = distributions.length === dataset.distributions.length && distributions.every((distribution, index) => dataset.distributions[index]?.sha256 === distribution.sha256);
  if (same) return undefined;
  return { ...dataset, distributions, modifiedAt: now.toISOString(), version: dataset.version + 1 };
}

/** A published dataset's stored file of this name, or undefined (unknown, or not published: its files are not out). */
export function publishedFile(dataset: Dataset | undefined, fileName: string): Distribution | undefined {
  if (dataset?.status !== 'published') return undefined;
  return dataset.distributions.find((distribution) => distribution.fileName === fileName);
}
