// POST /v1/permits/{id}/suspensions (agent)
import { permitChangeHandler } from '../adapters/permit-change-handler.ts';
import { requestPermitDocuments } from '../application/change-permit.use-cases.ts';
import { requestDocumentsRoute } from '../schemas/permits.schema.ts';

export const handler = permitChangeHandler(requestDocumentsRoute, requestPermitDocuments);
