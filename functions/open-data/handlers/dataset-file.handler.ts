// GET /v1/transparency/datasets/{id}/files/{file} (public): a published dataset's stored file
import { s3Client } from '../../shared/aws/s3.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { CSV_CONTENT_TYPE } from '../../shared/http/csv.ts';
import { S3DatasetFiles } from '../adapters/s3-dataset-files.ts';
import { openDataDependencies } from '../adapters/open-data.dependencies.ts';
import { DATASET_FILES_BUCKET_ID } from '../adapters/open-data-keys.ts';
import { datasetFile } from '../application/fed-datasets.use-cases.ts';
import { datasetFileRoute } from '../schemas/catalogue.schema.ts';

const files = new S3DatasetFiles(s3Client, bucketName(DATASET_FILES_BUCKET_ID));

export const handler = httpHandler(datasetFileRoute, async ({ params }) => {
  const file = await datasetFile({ repository: openDataDependencies.repository, files }, params.id, params.file);
  return {
    body: file.content,
    contentType: file.mediaType === 'text/csv' ? CSV_CONTENT_TYPE : file.mediaType,
    headers: {
      'repr-digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
      // Named by its SHA-256, the file under this URL never changes.
      'cache-control': 'public, max-age=31536000, immutable',
      'content-disposition': `inline; filename="${params.file}"`,
    },
  };
});
