// GET /v1/transparency/catalogues/{commune} (public): the commune's DCAT-AP catalogue as stored
import { s3Client } from '../../shared/aws/s3.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { S3CatalogueStore } from '../adapters/s3-catalogue-store.ts';
import { CATALOGUES_BUCKET_ID } from '../adapters/open-data-keys.ts';
import { readCatalogue } from '../application/catalogue.use-cases.ts';
import { catalogueRoute } from '../schemas/datasets.schema.ts';

const store = new S3CatalogueStore(s3Client, bucketName(CATALOGUES_BUCKET_ID));

export const handler = httpHandler(catalogueRoute, async ({ params }) => ({ body: await readCatalogue(store, params.commune) }));
