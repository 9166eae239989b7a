// Renders each meeting's convocation PDF from the session's convening event, and its minutes from its closing event,
// once each, and stores them.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { COUNCIL_PAPERS_BUCKET_ID, sessionPdfKeys } from '../adapters/councils-keys.ts';
import { S3CouncilPapers } from '../adapters/s3-council-papers.ts';
import { renderConvocationPdf, renderMinutesPdf } from '../adapters/session-pdfs.ts';
import { storeConvocationPdf, storeMinutesPdf } from '../application/session-pdf.use-cases.ts';
import { SESSION_CLOSED, SESSION_CONVENED } from '../domain/session.ts';

const papers = new S3CouncilPapers(s3Client, bucketName(COUNCIL_PAPERS_BUCKET_ID));

export const handler = eventConsumer({
  [SESSION_CONVENED]: (event) => storeConvocationPdf(councilsRepository, papers, renderConvocationPdf, sessionPdfKeys, event),
  [SESSION_CLOSED]: (event) => storeMinutesPdf(councilsRepository, papers, renderMinutesPdf, sessionPdfKeys, event),
});
