// PUT /v1/registry/settings/{commune} (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { setSettings } from '../application/registry-settings.use-cases.ts';
import { putSettingsRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  putSettingsRoute,
  async ({ params, body, principal }) => ({ body: await setSettings(registryOfficeDependencies.repository, params.commune, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
