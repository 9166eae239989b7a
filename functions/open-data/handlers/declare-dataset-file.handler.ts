// POST /v1/transparency/datasets/{id}/files (agent of the commune): a file for a draft, and where to upload it
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { datasetUploadsDependencies } from '../adapters/dataset-uploads.dependencies.ts';
import { declareDatasetFile } from '../application/dataset-files.use-cases.ts';
import { declareDatasetFileRoute } from '../schemas/catalogue.schema.ts';

export const handler = httpHandler(declareDatasetFileRoute, async ({ params, body, principal }) => ({
  status: 201,
  body: await declareDatasetFile(datasetUploadsDependencies, params.id, body, principal, now()),
}));
