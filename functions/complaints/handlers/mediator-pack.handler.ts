// GET /v1/complaints/{id}/mediator-pack (its complainant, the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { complaintMediatorPack } from '../application/complaint-queries.use-cases.ts';
import { mediatorPackRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(mediatorPackRoute, async ({ params, principal }) => ({ body: await complaintMediatorPack(complaintsDependencies.repository, params.id, principal, now()) }));
