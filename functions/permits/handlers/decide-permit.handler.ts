// POST /v1/permits/{id}/decision (president)
import { permitChangeHandler } from '../adapters/permit-change-handler.ts';
import { decidePermit } from '../application/change-permit.use-cases.ts';
import { decidePermitRoute } from '../schemas/permits.schema.ts';

export const handler = permitChangeHandler(decidePermitRoute, decidePermit);
