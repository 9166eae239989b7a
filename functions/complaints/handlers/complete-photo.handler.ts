// POST /v1/complaints/{id}/photos/{photoId}/complete (its complainant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { photosDependencies } from '../adapters/photos.dependencies.ts';
import { completeComplaintPhoto } from '../application/complaint-photos.use-cases.ts';
import { completePhotoRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(completePhotoRoute, async ({ params, principal }) => ({ body: await completeComplaintPhoto(photosDependencies, params.id, params.photoId, principal, now()) }), {
  idempotency: idempotentRequests,
});
