// Renders each deliberation's PDF once, from its adoption's event, and stores it.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { COUNCIL_PAPERS_BUCKET_ID, deliberationPdfKey } from '../adapters/councils-keys.ts';
import { renderDeliberationPdf } from '../adapters/deliberation-pdf.ts';
import { S3CouncilPapers } from '../adapters/s3-council-papers.ts';
import { storeDeliberationPdf } from '../application/deliberation-pdf.use-cases.ts';
import { DELIBERATION_ADOPTED } from '../domain/deliberation.ts';

const papers = new S3CouncilPapers(s3Client, bucketName(COUNCIL_PAPERS_BUCKET_ID));

export const handler = eventConsumer({
  [DELIBERATION_ADOPTED]: (event) => storeDeliberationPdf(councilsRepository, papers, renderDeliberationPdf, deliberationPdfKey, event),
});
