// GET /v1/documents/review-queue (registrar: their office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { reviewQueue } from '../application/review.use-cases.ts';
import { reviewQueueRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(reviewQueueRoute, async ({ query, principal }) => ({
  body: await reviewQueue(documentsRepository, principal, { limit: query.limit, ...(query.cursor && { cursor: query.cursor }) }, query.overdue === 'true', now()),
}));
