// GET /v1/councils/bodies/{body}/sessions/{id}/minutes/pdf: the stored minutes, rendered once when the session closed.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { COUNCIL_PAPERS_BUCKET_ID, sessionPdfKeys } from '../adapters/councils-keys.ts';
import { S3CouncilPapers } from '../adapters/s3-council-papers.ts';
import { minutesPdf } from '../application/session-pdf.use-cases.ts';
import { minutesPdfRoute } from '../schemas/councils.schema.ts';

const papers = new S3CouncilPapers(s3Client, bucketName(COUNCIL_PAPERS_BUCKET_ID));

export const handler = httpHandler(minutesPdfRoute, async ({ params, principal }) => ({
  body: await minutesPdf(councilsRepository, papers, sessionPdfKeys, params.body, params.id, principal),
  contentType: 'application/pdf',
  headers: { 'content-disposition': `inline; filename="minutes-${params.id}.pdf"`, 'cache-control': 'private, no-store' },
}));
