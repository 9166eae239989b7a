// GET /v1/councils/bodies/{body}/deliberations/{id}/pdf: the stored PDF, rendered once when the deliberation was adopted.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { COUNCIL_PAPERS_BUCKET_ID, deliberationPdfKey } from '../adapters/councils-keys.ts';
import { S3CouncilPapers } from '../adapters/s3-council-papers.ts';
import { deliberationPdf } from '../application/deliberation-pdf.use-cases.ts';
import { deliberationPdfRoute } from '../schemas/councils.schema.ts';

const papers = new S3CouncilPapers(s3Client, bucketName(COUNCIL_PAPERS_BUCKET_ID));

export const handler = httpHandler(deliberationPdfRoute, async ({ params, principal }) => ({
  body: await deliberationPdf(councilsRepository, papers, deliberationPdfKey, params.body, params.id, principal),
  contentType: 'application/pdf',
  headers: { 'content-disposition': `inline; filename="deliberation-${params.id}.pdf"`, 'cache-control': 'private, no-store' },
}));
