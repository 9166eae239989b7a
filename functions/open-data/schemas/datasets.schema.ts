// zod schemas and route contracts of the open-data catalogue (art. 10 of Law 31-13) under /v1/transparency: the
// datasets agents declare and the president approves, and each commune's DCAT-AP catalogue.
import * as z from 'zod/mini';
import { actorSchema, codeSchema } from '../../shared/http/common.schema.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.schema.ts';
import { FREQUENCIES, MEDIA_TYPES, PUBLICATION_CATEGORIES } from '../domain/dataset.ts';
import { FEEDS } from '../domain/fed-dataset.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const problem = PROBLEM_RESPONSE;
const responses = { 400: problem, 401: problem, 403: problem };
export const TAG_CATALOGUE = ['Transparency: open data'];

const bilingualText = (max: number) => z.strictObject({ ar: safeName({ max }), fr: safeName({ max }) });

/** DCAT-AP's contact point of a dataset: an office of the commune, published with the data (not a person's own address). */
export const contactPointSchema = lazyValue(() => z.strictObject({ name: safeName({ max: 200 }).check(z.describe("The office's name: « Service de la communication »")), email: z.email().check(z.maxLength(254)) }).check(z.describe("Whom users of the data write to: an office of the commune, published in the catalogue (dcat:contactPoint)")));

export const datasetSchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string(),
  contactPoint: z.optional(z.object({ name: z.string(), email: z.string() })).check(z.describe('Whom users of the data write to')),
  title: z.object({ ar: z.string(), fr: z.string() }),
  description: z.object({ ar: z.string(), fr: z.string() }),
  category: z.enum(PUBLICATION_CATEGORIES),
  accrualPeriodicity: z.enum(FREQUENCIES),
  license: z.string(),
  distributions: z.array(
    z.object({
      title: z.string(),
      mediaType: z.enum(MEDIA_TYPES),
      accessURL: z.string(),
      downloadURL: z.optional(z.string()).check(z.describe('A file the platform stores: where it is downloaded, relative to the API')),
      fileName: z.optional(z.string()),
      sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
      byteSize: z.optional(z.int().check(z.nonnegative())),
    }),
  ),
  embargoUntil: z.optional(z.iso.date()),
  status: z.enum(['draft', 'approved', 'published']).check(z.describe('`approved`: waiting for the end of its embargo')),
  declaredBy: actorSchema,
  declaredAt: z.iso.datetime(),
  approvedBy: z.optional(actorSchema),
  publishedAt: z.optional(z.iso.datetime()),
  pendingFiles: z.optional(z.array(z.object({ title: z.string(), mediaType: z.enum(MEDIA_TYPES), sha256: z.string(), byteSize: z.int(), fileName: z.string() }))).check(z.describe('Files declared for upload, not yet completed')),
  feed: z.optional(z.enum(FEEDS)).check(z.describe('Fed by the platform from events: its files are generated')),
  modifiedAt: z.optional(z.iso.datetime()),
  version: z.int(),
}));

export const declareDatasetRoute = defineRoute({
  operationId: 'declareDataset',
  method: 'POST',
  path: '/v1/transparency/datasets',
  summary: "An agent of the commune declares a dataset it publishes of its own accord (art. 10), as a draft: its metadata in Arabic and French, its periodicity, licence and files",
  tags: TAG_CATALOGUE,
  access: ['agent'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({
    title: bilingualText(200),
    description: z.strictObject({ ar: safeFreeText({ max: 2000 }), fr: safeFreeText({ max: 2000 }) }),
    category: z.enum(PUBLICATION_CATEGORIES).check(z.describe("Article 10's kinds of information as far as found (the list is not confirmed)")),
    accrualPeriodicity: z.enum(FREQUENCIES).check(z.describe('How often it is updated: a code of the EU frequency table')),
    license: z.url({ protocol: /^https?$/ }).check(z.maxLength(500), z.describe("The licence's IRI")),
    distributions: z.array(z.strictObject({ title: safeName({ max: 200 }), mediaType: z.enum(MEDIA_TYPES), accessURL: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)) })).check(z.maxLength(20), z.describe('Files published elsewhere, by link; files stored on the platform are uploaded to the draft (`POST …/datasets/{id}/files`)')),
    embargoUntil: z.optional(z.iso.date()).check(z.describe('The Moroccan date from which it may be published; approved before, it is published at the start of that day')),
    contactPoint: z.optional(contactPointSchema()),
  }),
  bodyExample: {
    title: { ar: 'ميزانية الجماعة 2026', fr: 'Budget de la commune 2026' },
    description: { ar: 'الميزانية كما صادق عليها المجلس', fr: 'Le budget tel que voté par le conseil' },
    category: 'budget-and-accounts',
    accrualPeriodicity: 'ANNUAL',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    distributions: [{ title: 'Budget 2026 (CSV)', mediaType: 'text/csv', accessURL: 'https://rabat.ma/open-data/budget-2026.csv' }],
  },
  responses: { 201: { description: 'The dataset, a draft', schema: datasetSchema }, ...responses, 422: problem },
});

export const approveDatasetRoute = defineRoute({
  operationId: 'approveDataset',
  method: 'POST',
  path: '/v1/transparency/datasets/{id}/approval',
  summary: "The president of the commune approves a draft dataset: it is published and the commune's catalogue written again, or, under an embargo, at the start of its end date",
  tags: TAG_CATALOGUE,
  access: ['president'],
  idempotent: true,
  params: () => z.strictObject({ id: z.uuid() }),
  responses: { 200: { description: 'The dataset, published', schema: datasetSchema }, ...responses, 404: problem, 409: problem },
});

export const catalogueRoute = defineRoute({
  operationId: 'openDataCatalogue',
  method: 'GET',
  path: '/v1/transparency/catalogues/{commune}',
  summary:
    "A commune's open-data catalogue in DCAT-AP (JSON-LD), for a harvester such as CKAN's ckanext-dcat: every published dataset with its files, as stored at the last publication",
  tags: TAG_CATALOGUE,
  access: 'public',
  params: () => z.strictObject({ commune: codeSchema }),
  responses: {
    200: { description: 'The catalogue, a JSON-LD document (`dcat:Catalog`); the same graph in Turtle when `Accept` ranks `text/turtle` first', schema: () => z.record(z.string(), z.unknown()), alsoAs: ['text/turtle'] },
    400: problem,
    404: problem,
  },
});
