// Route contracts of the open-data catalogue's later increments: datasets the platform feeds from other contexts'
// events, the files agents upload for a dataset, and the files the platform stores, served to anyone once published.
import * as z from 'zod/mini';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeName } from '../../shared/text/safe-text.schema.ts';
import { FREQUENCIES, MEDIA_TYPES, PUBLICATION_CATEGORIES } from '../domain/dataset.ts';
import { MAX_DATASET_FILE_BYTES, MAX_DATASET_FILES } from '../domain/dataset-files.ts';
import { FEEDS } from '../domain/fed-dataset.ts';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { contactPointSchema, datasetSchema, TAG_CATALOGUE } from './datasets.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const problem = PROBLEM_RESPONSE;

export const declareFedDatasetRoute = defineRoute({
  operationId: 'declareFedDataset',
  method: 'POST',
  path: '/v1/transparency/fed-datasets',
  summary:
    "An agent declares their commune's dataset fed by the platform from another context's events (`permit-figures`: the permit figures per month), as a draft the president approves; its CSV and JSON files are generated from its publication on, and again whenever the figures change",
  tags: TAG_CATALOGUE,
  access: ['agent'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({
    feed: z.enum(FEEDS),
    license: z.url({ protocol: /^https?$/ }).check(z.maxLength(500), z.describe("The licence's IRI")),
    embargoUntil: z.optional(z.iso.date()).check(z.describe('The Moroccan date from which it may be published; approved before, it is published at the start of that day')),
    contactPoint: z.optional(contactPointSchema()),
  }),
  bodyExample: { feed: 'permit-figures', license: 'https://creativecommons.org/licenses/by/4.0/', contactPoint: { name: "Service de l'urbanisme", email: 'urbanisme@commune.example.ma' } },
  responses: {
    201: { description: 'The dataset, a draft with no file yet', schema: datasetSchema },
    200: { description: 'Declared already with the same licence and embargo: that dataset', schema: datasetSchema },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
  },
});

export const datasetFileRoute = defineRoute({
  operationId: 'datasetFile',
  method: 'GET',
  path: '/v1/transparency/datasets/{id}/files/{file}',
  summary:
    "A published dataset's file as the platform stored it, named by its SHA-256 (the catalogue's `dcat:downloadURL`); 404 for a draft's or an embargoed dataset's",
  tags: TAG_CATALOGUE,
  access: 'public',
  params: () => z.strictObject({ id: z.uuid(), file: z.string().check(z.regex(/^[0-9a-f]{64}\.(csv|json|pdf)$/, '<sha256>.csv, .json or .pdf')) }),
  responses: {
    200: {
      description: 'The file, in its media type, with its SHA-256 in the `repr-digest` header (RFC 9530)',
      contentType: 'application/json',
      alsoAs: ['text/csv', 'application/pdf'],
    },
    400: problem,
    404: problem,
  },
});

const datasetId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const fileName = lazyValue(() => z.string().check(z.regex(/^[0-9a-f]{64}\.(csv|json|pdf)$/, '<sha256>.csv, .json or .pdf')));

export const declareDatasetFileRoute = defineRoute({
  operationId: 'declareDatasetFile',
  method: 'POST',
  path: '/v1/transparency/datasets/{id}/files',
  summary: `An agent of the commune declares a file stored on the platform for a draft dataset (CSV, JSON or PDF, ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MiB at most, ${MAX_DATASET_FILES} a dataset) with its SHA-256 and size. Answers its name and where to upload it`,
  tags: TAG_CATALOGUE,
  access: ['agent'],
  idempotent: 'by-use-case',
  params: datasetId,
  body: () => z.strictObject({
    title: safeName({ max: 200 }),
    mediaType: z.enum(MEDIA_TYPES),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')),
    byteSize: z.int().check(z.gte(1), z.lte(MAX_DATASET_FILE_BYTES)),
  }),
  bodyExample: { title: 'Budget 2026 (CSV)', mediaType: 'text/csv', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', byteSize: 5120 },
  responses: {
    201: {
      description: 'The declared file, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: () => z.object({
        file: z.object({ title: z.string(), mediaType: z.enum(MEDIA_TYPES), sha256: z.string(), byteSize: z.int(), fileName: z.string() }),
        upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
      }),
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
    422: problem,
  },
});

export const completeDatasetFileRoute = defineRoute({
  operationId: 'completeDatasetFile',
  method: 'POST',
  path: '/v1/transparency/datasets/{id}/files/{file}/completion',
  summary:
    'The file is uploaded: listed on the draft only if storage holds the declared bytes, of the declared kind, and the malware scanner cleared it (409 while it has not answered); otherwise removed and refused (422)',
  tags: TAG_CATALOGUE,
  access: ['agent'],
  idempotent: 'by-use-case',
  params: () => z.strictObject({ id: z.uuid(), file: fileName() }),
  responses: { 200: { description: 'The dataset, the file listed', schema: datasetSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
});

const commune = codeSchema;
const bilingual = lazyValue(() => z.object({ ar: z.string(), fr: z.string() }));

export const registerLineSchema = lazyValue(() => z.object({
  category: z.enum(PUBLICATION_CATEGORIES),
  status: z.enum(['not-scheduled', 'up-to-date', 'overdue', 'irregular']).check(z.describe('`irregular`: published as need arises, never due')),
  owner: z.optional(bilingual()).check(z.describe('The service of the commune that owns the category')),
  periodicity: z.optional(z.enum(FREQUENCIES)),
  lastPublishedAt: z.optional(z.iso.datetime()),
  nextDueDate: z.optional(z.iso.date()).check(z.describe('The Moroccan date by which the next publication is due: one period after the last (or after the designation)')),
}));

export const publicationRegisterRoute = defineRoute({
  operationId: 'publicationRegister',
  method: 'GET',
  path: '/v1/transparency/registers/{commune}',
  summary:
    "What the commune must publish of its own accord (art. 10; the list of categories is not confirmed): per category, its owner, periodicity, last publication, next due date and whether it is overdue, counted at the instant of reading",
  tags: TAG_CATALOGUE,
  access: 'public',
  params: () => z.strictObject({ commune }),
  responses: {
    200: { description: 'The register', schema: () => z.object({ commune: z.string(), asOf: z.iso.datetime(), categories: z.array(registerLineSchema()) }) },
    400: problem,
  },
});

export const designateCategoryRoute = defineRoute({
  operationId: 'designateRegisterCategory',
  method: 'PUT',
  path: '/v1/transparency/registers/{commune}/{category}',
  summary: "The president of the commune designates a category's owner (a service of the commune) and periodicity; its due dates count from now until a first publication",
  tags: TAG_CATALOGUE,
  access: ['president'],
  idempotent: true,
  params: () => z.strictObject({ commune, category: z.enum(PUBLICATION_CATEGORIES) }),
  body: () => z.strictObject({
    owner: z.strictObject({ ar: safeName({ max: 200 }), fr: safeName({ max: 200 }) }).check(z.describe('A service of the commune, not a person')),
    periodicity: z.enum(FREQUENCIES).check(z.describe('A code of the EU frequency table; `IRREG` is never due')),
  }),
  bodyExample: { owner: { ar: 'قسم الميزانية والشؤون المالية', fr: 'Division du budget et des affaires financières' }, periodicity: 'ANNUAL' },
  responses: {
    200: {
      description: 'The entry',
      schema: () => z.object({ commune: z.string(), category: z.enum(PUBLICATION_CATEGORIES), owner: bilingual(), periodicity: z.enum(FREQUENCIES), since: z.iso.datetime(), lastPublishedAt: z.optional(z.iso.datetime()), lastDatasetId: z.optional(z.string()), setBy: z.object({ sub: z.string(), role: z.string() }), version: z.int() }),
    },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
  },
});

export const nationalCatalogueRoute = defineRoute({
  operationId: 'nationalOpenDataCatalogue',
  method: 'GET',
  path: '/v1/transparency/national-catalogue',
  summary:
    "The national catalogue in DCAT-AP (JSON-LD): every commune catalogue with a published dataset, as a `dcat:catalog` with its publisher, modified instant and `foaf:homepage` (where a harvester reads it whole), as stored at the last publication",
  tags: TAG_CATALOGUE,
  access: 'public',
  responses: {
    200: { description: 'The national catalogue, a JSON-LD document (`dcat:Catalog` of `dcat:Catalog`s); the same graph in Turtle when `Accept` ranks `text/turtle` first', schema: () => z.record(z.string(), z.unknown()), alsoAs: ['text/turtle'] },
    404: problem,
  },
});
