// GET /v1/transparency/national-catalogue (public): the catalogue of the communes' catalogues as stored
import { bucketName, tableName } from '../../shared/aws/environment.ts';
import { dynamodb } from '../../shared/aws/dynamodb.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { DynamoDbS3NationalCatalogues } from '../adapters/national-catalogues.ts';
import { CATALOGUES_BUCKET_ID, OPEN_DATA_TABLE_ID } from '../adapters/open-data-keys.ts';
import { readNationalCatalogue } from '../application/catalogue.use-cases.ts';
import { nationalCatalogueRoute } from '../schemas/catalogue.schema.ts';

const national = new DynamoDbS3NationalCatalogues(dynamodb, tableName(OPEN_DATA_TABLE_ID), s3Client, bucketName(CATALOGUES_BUCKET_ID));

export const handler = httpHandler(nationalCatalogueRoute, async () => ({ body: await readNationalCatalogue(national) }));
