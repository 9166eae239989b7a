// POST /v1/transparency/datasets/{id}/files/{file}/completion (agent of the commune): the uploaded file checked and listed
import { httpHandler } from '../../shared/http/http-handler.ts';
import { datasetUploadsDependencies } from '../adapters/dataset-uploads.dependencies.ts';
import { completeDatasetFile } from '../application/dataset-files.use-cases.ts';
import { completeDatasetFileRoute } from '../schemas/catalogue.schema.ts';

export const handler = httpHandler(completeDatasetFileRoute, async ({ params, principal }) => ({
  body: await completeDatasetFile(datasetUploadsDependencies, params.id, params.file, principal),
}));
