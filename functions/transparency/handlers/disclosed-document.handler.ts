// GET /v1/transparency/disclosure-log/{commune}/{requestId}/documents/{documentId} (public): a link to a document the
// disclosure log publishes
import { expiringChecksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { releasedDocumentKeys, RELEASED_DOCUMENTS_BUCKET_ID } from '../adapters/request-delivery-keys.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { disclosedDocumentLink } from '../application/released-documents.use-cases.ts';
import { disclosedDocumentRoute } from '../schemas/disclosure-log.schema.ts';

const store = { objectKey: releasedDocumentKeys.object, ...expiringChecksummedObjects(s3Client, bucketName(RELEASED_DOCUMENTS_BUCKET_ID), now) };

export const handler = httpHandler(disclosedDocumentRoute, async ({ params }) => ({
  body: await disclosedDocumentLink({ repository: transparencyDependencies.repository, store }, params.commune, params.requestId, params.documentId),
}));
