// POST /v1/transparency/datasets/{id}/files/{file}/completion (agent of the commune): the uploaded file checked and listed
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { datasetUploadsDependencies } from '../adapters/dataset-uploads.dependencies.ts';
import { S3DatasetFiles } from '../adapters/s3-dataset-files.ts';
import { DATASET_FILES_BUCKET_ID } from '../adapters/open-data-keys.ts';
import { completeDatasetFile } from '../application/dataset-files.use-cases.ts';
import { completeDatasetFileRoute } from '../schemas/catalogue.schema.ts';

const dependencies = { ...datasetUploadsDependencies, files: new S3DatasetFiles(s3Client, bucketName(DATASET_FILES_BUCKET_ID)) };

export const handler = httpHandler(completeDatasetFileRoute, async ({ params, principal }) => ({
  body: await completeDatasetFile(dependencies, params.id, params.file, principal),
}));
