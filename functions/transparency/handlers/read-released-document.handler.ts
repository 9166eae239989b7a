// GET /v1/transparency/requests/{id}/documents/{documentId} (its requester once delivered, agents, auditors): a short-lived link, the read logged.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { releasedDocumentsDependencies } from '../adapters/released-documents.dependencies.ts';
import { readDocument } from '../application/released-documents.use-cases.ts';
import { readReleasedDocumentRoute } from '../schemas/requests-recourse.schema.ts';

const dependencies = releasedDocumentsDependencies();

export const handler = httpHandler(readReleasedDocumentRoute, async ({ params, principal }) => ({ body: await readDocument(dependencies, params.id, params.documentId, principal, now()) }));
