// zod schemas and route contracts of the open-data catalogue (art. 10 of Law 31-13) under /v1/transparency: the
// datasets agents declare and the president approves, and each commune's DCAT-AP catalogue.
import * as z from 'zod';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.ts';
import { FREQUENCIES, MEDIA_TYPES, PUBLICATION_CATEGORIES } from '../domain/dataset.ts';
import { FEEDS } from '../domain/fed-dataset.ts';

const problem = PROBLEM_RESPONSE;
const responses = { 400: problem, 401: problem, 403: problem };
export const communeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes');
const actorSchema = z.object({ sub: z.string(), role: z.string() });
export const TAG_CATALOGUE = ['Transparency: open data'];

const bilingualText = (max: number) => z.strictObject({ ar: safeName({ max }), fr: safeName({ max }) });

/** DCAT-AP's contact point of a dataset: an office of the commune, published with the data (not a person's own address). */
export const contactPointSchema = z
  .strictObject({ name: safeName({ max: 200 }).describe("The office's name: « Service de la communication »"), email: z.email().max(254) })
  .describe("Whom users of the data write to: an office of the commune, published in the catalogue (dcat:contactPoint)");

export const datasetSchema = z.object({
  id: z.uuid(),
  commune: z.string(),
  contactPoint: z.object({ name: z.string(), email: z.string() }).optional().describe('Whom users of the data write to'),
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
      downloadURL: z.string().optional().describe('A file the platform stores: where it is downloaded, relative to the API'),
      fileName: z.string().optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      byteSize: z.number().int().nonnegative().optional(),
    }),
  ),
  embargoUntil: z.iso.date().optional(),
  status: z.enum(['draft', 'approved', 'published']).describe('`approved`: waiting for the end of its embargo'),
  declaredBy: actorSchema,
  declaredAt: z.iso.datetime(),
  approvedBy: actorSchema.optional(),
  publishedAt: z.iso.datetime().optional(),
  pendingFiles: z
    .array(z.object({ title: z.string(), mediaType: z.enum(MEDIA_TYPES), sha256: z.string(), byteSize: z.number().int(), fileName: z.string() }))
    .optional()
    .describe('Files declared for upload, not yet completed'),
  feed: z.enum(FEEDS).optional().describe('Fed by the platform from events: its files are generated'),
  modifiedAt: z.iso.datetime().optional(),
  version: z.number().int(),
});

export const declareDatasetRoute = defineRoute({
  operationId: 'declareDataset',
  method: 'POST',
  path: '/v1/transparency/datasets',
  summary: "An agent of the commune declares a dataset it publishes of its own accord (art. 10), as a draft: its metadata in Arabic and French, its periodicity, licence and files",
  tags: TAG_CATALOGUE,
  access: ['agent'],
  idempotent: 'by-use-case',
  body: z.strictObject({
    title: bilingualText(200),
    description: z.strictObject({ ar: safeFreeText({ max: 2000 }), fr: safeFreeText({ max: 2000 }) }),
    category: z.enum(PUBLICATION_CATEGORIES).describe("Article 10's kinds of information as far as found (the list is not confirmed)"),
    accrualPeriodicity: z.enum(FREQUENCIES).describe('How often it is updated: a code of the EU frequency table'),
    license: z.url({ protocol: /^https?$/ }).max(500).describe("The licence's IRI"),
    distributions: z
      .array(z.strictObject({ title: safeName({ max: 200 }), mediaType: z.enum(MEDIA_TYPES), accessURL: z.url({ protocol: /^https?$/ }).max(2000) }))
      .max(20)
      .describe('Files published elsewhere, by link; files stored on the platform are uploaded to the draft (`POST …/datasets/{id}/files`)'),
    embargoUntil: z.iso.date().optional().describe('The Moroccan date from which it may be published; approved before, it is published at the start of that day'),
    contactPoint: contactPointSchema.optional(),
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
  params: z.strictObject({ id: z.uuid() }),
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
  params: z.strictObject({ commune: communeSchema }),
  responses: {
    200: { description: 'The catalogue, a JSON-LD document (`dcat:Catalog`)', schema: z.record(z.string(), z.unknown()) },
    400: problem,
    404: problem,
  },
});
