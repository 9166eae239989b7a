// The fed datasets wired to DynamoDB and S3, created once per module: their figures, their files, the catalogues
// and the publication register.
import { bucketName, tableName } from '../../shared/aws/environment.ts';
import { dynamodb } from '../../shared/aws/dynamodb.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import type { FedDatasets } from '../application/fed-datasets.use-cases.ts';
import { DynamoDbFeedFigures } from './dynamodb-feed-figures.repository.ts';
import { DynamoDbS3NationalCatalogues } from './national-catalogues.ts';
import { publicationRegister } from './publication-register.dependencies.ts';
import { S3CatalogueStore } from './s3-catalogue-store.ts';
import { S3DatasetFiles } from './s3-dataset-files.ts';
import { openDataDependencies } from './open-data.dependencies.ts';
import { CATALOGUES_BUCKET_ID, DATASET_FILES_BUCKET_ID, OPEN_DATA_TABLE_ID } from './open-data-keys.ts';

export const fedDatasetsDependencies: FedDatasets = {
  repository: openDataDependencies.repository,
  figures: new DynamoDbFeedFigures(dynamodb, tableName(OPEN_DATA_TABLE_ID)),
  files: new S3DatasetFiles(s3Client, bucketName(DATASET_FILES_BUCKET_ID)),
  catalogues: new S3CatalogueStore(s3Client, bucketName(CATALOGUES_BUCKET_ID)),
  register: publicationRegister,
  national: new DynamoDbS3NationalCatalogues(dynamodb, tableName(OPEN_DATA_TABLE_ID), s3Client, bucketName(CATALOGUES_BUCKET_ID)),
};
