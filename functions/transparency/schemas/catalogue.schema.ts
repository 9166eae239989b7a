// Route contracts of the open-data catalogue's later increments: datasets the platform feeds from other contexts'
// events, and the files it stores for the datasets, served to anyone once published.
import * as z from 'zod';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { FEEDS } from '../domain/fed-dataset.ts';
import { datasetSchema } from './transparency.schema.ts';

const TAG_CATALOGUE = ['Transparency: open data'];
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
  body: z.strictObject({
    feed: z.enum(FEEDS),
    license: z.url({ protocol: /^https?$/ }).max(500).describe("The licence's IRI"),
    embargoUntil: z.iso.date().optional().describe('The Moroccan date from which it may be published; approved before, it is published at the start of that day'),
  }),
  bodyExample: { feed: 'permit-figures', license: 'https://creativecommons.org/licenses/by/4.0/' },
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
  params: z.strictObject({ id: z.uuid(), file: z.string().regex(/^[0-9a-f]{64}\.(csv|json|pdf)$/, '<sha256>.csv, .json or .pdf') }),
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
