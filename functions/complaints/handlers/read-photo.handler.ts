// GET /v1/complaints/{id}/photos/{photoId} (its complainant, the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { photosDependencies } from '../adapters/photos.dependencies.ts';
import { readComplaintPhoto } from '../application/complaint-photos.use-cases.ts';
import { readPhotoRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(readPhotoRoute, async ({ params, principal }) => ({ body: await readComplaintPhoto(photosDependencies, params.id, params.photoId, principal, now()) }));
