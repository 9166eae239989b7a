// GET /v1/complaints/settings/{commune} (its complaints officers, administrators, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { readComplaintSettings } from '../application/complaint-settings.use-cases.ts';
import { getSettingsRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(getSettingsRoute, async ({ params, principal }) => ({ body: await readComplaintSettings(complaintsDependencies.repository, params.commune, principal) }));
