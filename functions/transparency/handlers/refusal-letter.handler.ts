// GET /v1/transparency/requests/{id}/refusal-letter: the stored letter, issued just after the refusal or partial answer.
import { signedPaperReader } from '../../documents/public-paper-reader.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { refusalLetterFile } from '../application/refusal-letter.use-cases.ts';
import { refusalLetterRoute } from '../schemas/requests-recourse.schema.ts';

const papers = signedPaperReader();

export const handler = httpHandler(refusalLetterRoute, async ({ params, principal }) => {
  const { document, pdf } = await refusalLetterFile(papers, transparencyDependencies.repository, params.id, principal);
  return { body: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${document.id}.pdf"`, 'cache-control': 'private, no-store' } };
});
