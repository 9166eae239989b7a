// POST /v1/complaints/{id}/photos (its complainant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { photosDependencies } from '../adapters/photos.dependencies.ts';
import { declareComplaintPhoto } from '../application/complaint-photos.use-cases.ts';
import { declarePhotoRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(declarePhotoRoute, async ({ params, body, principal }) => ({ status: 201, body: await declareComplaintPhoto(photosDependencies, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
