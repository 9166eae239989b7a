// POST /v1/permits/{id}/extensions (agent)
import { permitChangeHandler } from '../adapters/permit-change-handler.ts';
import { extendPermitDeadline } from '../application/change-permit.use-cases.ts';
import { extendDeadlineRoute } from '../schemas/permits.schema.ts';

export const handler = permitChangeHandler(extendDeadlineRoute, extendPermitDeadline);
