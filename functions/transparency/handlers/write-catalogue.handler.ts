// Consumes dataset.published: the commune's catalogue is written again, whole, from its published datasets.
import { s3Client } from '../../shared/aws/s3.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { S3CatalogueStore } from '../adapters/s3-catalogue-store.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { CATALOGUES_BUCKET_ID } from '../adapters/transparency-keys.ts';
import { writeCatalogue } from '../application/catalogue.use-cases.ts';
import { DATASET_PUBLISHED } from '../domain/dataset.ts';

const store = new S3CatalogueStore(s3Client, bucketName(CATALOGUES_BUCKET_ID));

export const handler = eventConsumer({
  [DATASET_PUBLISHED]: (event) => writeCatalogue(transparencyDependencies.repository, store, (event.data as { commune: string }).commune, now()),
});
