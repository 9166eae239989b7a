// Datasets the platform writes itself from other contexts' events, with no hand copying: a commune's permit figures
// per month (filed, decided in time, lapsed, deemed approval invoked), its complaints' figures per year of receipt
// and category, and its access-to-information requests' figures per year of receipt. Each source context says what
// a change counts (its own rule, in its public.ts); this context adds it to the commune's rows of the feed. An agent
// declares the commune's fed dataset (one per feed), its president approves it like any other, under its embargo;
// from its publication on, its files (CSV and JSON) are generated from the rows and generated again whenever they
// change. Pure.
import { COMPLAINT_FIGURE_COUNTERS } from '../../complaints/public.ts';
import { COUNTERS } from '../../permits/public.ts';
import { DomainError } from '../../shared/errors/domain-errors.ts';
import { toCsv } from '../../shared/http/csv.ts';
import { REFUSAL_GROUNDS, REQUEST_FIGURE_COUNTERS } from '../../transparency/public.ts';
import { OPEN_DATA_PROBLEMS } from '../open-data.problems.ts';
import type { Actor } from './open-data-access.ts';
import { declareDataset, type Dataset, type DatasetFields, type Distribution } from './dataset.ts';
export const FEEDS = ['permit-figures', 'complaint-figures', 'information-request-figures'] as const;
export type Feed = (typeof FEEDS)[number];

/** One row of a feed: what it is counted by (a month; a year and a category) and its counts. */
export interface FigureRow {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly counts: Readonly<Record<string, number>>;
}

type Names = { readonly ar: string; readonly fr: string };

interface FeedDefinition {
  /** The columns a row is counted by, in the order the files give them (after the commune). */
  readonly dimensions: readonly string[];
  /** Each count the source context makes, and its column in the open files. */
  readonly columns: Readonly<Record<string, string>>;
  /** The rows' key in the JSON file. */
  readonly rowsName: string;
  readonly fileTitle: string;
  readonly fields: (communeNames: Names) => Omit<DatasetFields, 'license' | 'distributions' | 'embargoUntil'>;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/[-:]/g, '_');

/** The columns of counts whose meaning is a sum (of days, of points): named so a reader divides them by their count. */
const SUMS: Readonly<Record<string, string>> = { answerDays: 'answer_days_total', ratingPoints: 'rating_points_total', answerWorkingDays: 'answer_working_days_total' };

const columnsOf = (counters: readonly string[]) => Object.fromEntries(counters.map((counter) => [counter, SUMS[counter] ?? snakeCase(counter)]));

const FEED_DEFINITIONS: Readonly<Record<Feed, FeedDefinition>> = {
  'permit-figures': {
    dimensions: ['month'],
    columns: columnsOf(COUNTERS),
    rowsName: 'months',
    fileTitle: 'Permit figures per month',
    fields: (names) => ({
      title: { ar: `أرقام رخص التعمير بجماعة ${names.ar} حسب الشهر`, fr: `Chiffres des autorisations d'urbanisme de ${names.fr}, par mois` },
      description: {
        ar: 'عدد الملفات المودعة، والمقررة داخل الأجل، والتي انقضى أجلها دون قرار، والتي طُلبت فيها الموافقة الضمنية، في كل شهر. تُحسب تلقائيا من أحداث المنصة.',
        fr: "Par mois : les dossiers déposés, décidés dans le délai, dont le délai a expiré sans décision, et ceux où l'approbation tacite a été invoquée. Calculés par la plateforme à partir de ses événements.",
      },
      category: 'permits-and-licences',
      accrualPeriodicity: 'MONTHLY',
    }),
  },
  'complaint-figures': {
    dimensions: ['year', 'category'],
    columns: columnsOf(COMPLAINT_FIGURE_COUNTERS),
    rowsName: 'rows',
    fileTitle: 'Complaint figures per year of receipt and category',
    fields: (names) => ({
      title: { ar: `أرقام شكايات جماعة ${names.ar} حسب السنة والصنف`, fr: `Chiffres des réclamations de ${names.fr}, par année et catégorie` },
      description: {
        ar: 'حسب سنة التوصل وصنف الشكاية: الشكايات الواردة، والتي تأخر الإشعار بتوصلها، والتي أجيب عنها (ومجموع أيام الجواب)، والتي تأخر الجواب عنها، والتي أعيد فتحها، والتقييمات (ومجموع نقطها من 5). تُحسب تلقائيا من أحداث المنصة.',
        fr: "Par année de réception et catégorie : les réclamations reçues, accusées en retard, répondues (et la somme des jours de réponse), répondues en retard, rouvertes, et les évaluations (et la somme de leurs notes sur 5). Calculés par la plateforme à partir de ses événements.",
      },
      category: 'services-and-procedures',
      accrualPeriodicity: 'MONTHLY',
    }),
  },
  'information-request-figures': {
    dimensions: ['year'],
    columns: { ...columnsOf(REQUEST_FIGURE_COUNTERS), ...Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [`ground:${ground}`, `ground_${snakeCase(ground)}`])) },
    rowsName: 'years',
    fileTitle: 'Access-to-information request figures per year of receipt',
    fields: (names) => ({
      title: { ar: `أرقام طلبات الحصول على المعلومات بجماعة ${names.ar} حسب السنة`, fr: `Chiffres des demandes d'accès à l'information de ${names.fr}, par année` },
      description: {
        ar: 'حسب سنة التوصل: الطلبات (والمستعجلة منها)، والأجوبة الكلية والجزئية والرفض، ومجموع أيام العمل للجواب، والتمديدات، والرفض الضمني، والسحب، وعدد المرات التي ذُكر فيها كل سبب من أسباب الرفض. تُحسب تلقائيا من أحداث المنصة.',
        fr: "Par année de réception : les demandes (dont urgentes), les réponses complètes, partielles et les refus, la somme des jours ouvrables de réponse, les prorogations, les refus implicites, les retraits, et combien de fois chaque motif de refus a été invoqué. Calculés par la plateforme à partir de ses événements.",
      },
      category: 'reports',
      accrualPeriodicity: 'MONTHLY',
    }),
  },
};

/** The counts of a feed's row: the source's counts this feed publishes, the others left out. */
export function feedCounts(feed: Feed, counts: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const { columns } = FEED_DEFINITIONS[feed];
  return Object.fromEntries(Object.entries(counts).filter((entry): entry is [string, number] => entry[0] in columns && typeof entry[1] === 'number' && entry[1] !== 0));
}

/** What the rows of a feed are counted by, and what they count. */
export const feedDimensions = (feed: Feed): readonly string[] => FEED_DEFINITIONS[feed].dimensions;
export const feedCounters = (feed: Feed): readonly string[] => Object.keys(FEED_DEFINITIONS[feed].columns);

/** A row's key among its feed's rows: its dimensions' values in order. */
export const rowKey = (feed: Feed, dimensions: Readonly<Record<string, string>>) => FEED_DEFINITIONS[feed].dimensions.map((name) => dimensions[name]).join('#');

/** A commune has one dataset per feed: declared again with other fields, it is refused. */
export class FedDatasetDeclaredError extends DomainError {
  readonly problem = OPEN_DATA_PROBLEMS['fed-dataset-declared'];
}

/** The month of a Moroccan date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The commune's fed dataset, a draft with no file yet: its files are made when it is published. */
export function declareFedDataset(
  id: string,
  commune: string,
  feed: Feed,
  communeNames: Names,
  fields: Pick<DatasetFields, 'license' | 'embargoUntil' | 'contactPoint'>,
  by: Actor,
  now: Date,
): Dataset {
  return { ...declareDataset(id, commune, { ...FEED_DEFINITIONS[feed].fields(communeNames), license: fields.license, distributions: [], ...(fields.embargoUntil && { embargoUntil: fields.embargoUntil }), ...(fields.contactPoint && { contactPoint: fields.contactPoint }) }, by, now), feed };
}

export interface GeneratedFile {
  readonly title: string;
  readonly mediaType: Distribution['mediaType'];
  readonly extension: 'csv' | 'json';
  readonly content: Uint8Array;
}

/**
 * The rows as the two files of the dataset, in the order of their dimensions. Nothing in them but the commune, the
 * dimensions and the counts (no instant of generation either: the same figures make the same bytes, so the same
 * SHA-256).
 */
export function figuresFiles(feed: Feed, commune: string, rows: readonly FigureRow[]): GeneratedFile[] {
  const definition = FEED_DEFINITIONS[feed];
  const counters = Object.keys(definition.columns);
  const sorted = [...rows].sort((a, b) => {
    const [keyA, keyB] = [rowKey(feed, a.dimensions), rowKey(feed, b.dimensions)];
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });
  const csv = toCsv(
    ['commune', ...definition.dimensions, ...counters.map((counter) => definition.columns[counter]!)],
    sorted.map((row) => [commune, ...definition.dimensions.map((name) => row.dimensions[name] ?? ''), ...counters.map((counter) => row.counts[counter] ?? 0)]),
  );
  const asJson = (row: FigureRow) => ({ ...Object.fromEntries(definition.dimensions.map((name) => [name, row.dimensions[name]])), ...Object.fromEntries(counters.map((counter) => [definition.columns[counter], row.counts[counter] ?? 0])) });
  const json = Buffer.from(`${JSON.stringify({ commune, [definition.rowsName]: sorted.map(asJson) }, null, 2)}\n`, 'utf8');
  return [
    { title: `${definition.fileTitle} (CSV)`, mediaType: 'text/csv', extension: 'csv', content: csv },
    { title: `${definition.fileTitle} (JSON)`, mediaType: 'application/json', extension: 'json', content: json },
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
