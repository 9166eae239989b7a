// GET /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/pdf: the stored convocation PDF.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { COUNCIL_PAPERS_BUCKET_ID, sessionPdfKeys } from '../adapters/councils-keys.ts';
import { S3CouncilPapers } from '../adapters/s3-council-papers.ts';
import { convocationPdf } from '../application/session-pdf.use-cases.ts';
import { convocationPdfRoute } from '../schemas/councils.schema.ts';

const papers = new S3CouncilPapers(s3Client, bucketName(COUNCIL_PAPERS_BUCKET_ID));

export const handler = httpHandler(convocationPdfRoute, async ({ params, principal }) => ({
  body: await convocationPdf(councilsRepository, papers, sessionPdfKeys, params.body, params.id, Number(params.round), params.member, principal),
  contentType: 'application/pdf',
  headers: { 'content-disposition': `inline; filename="convocation-${params.round}-${params.member}.pdf"`, 'cache-control': 'private, no-store' },
}));
