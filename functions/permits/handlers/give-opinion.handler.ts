// POST /v1/permits/{id}/opinions (commission)
import { permitChangeHandler } from '../adapters/permit-change-handler.ts';
import { givePermitOpinion } from '../application/change-permit.use-cases.ts';
import { giveOpinionRoute } from '../schemas/permits.schema.ts';

export const handler = permitChangeHandler(giveOpinionRoute, givePermitOpinion);
