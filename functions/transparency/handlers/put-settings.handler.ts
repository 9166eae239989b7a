// PUT /v1/transparency/settings/{commune} (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { setSettings } from '../application/transparency-settings.use-cases.ts';
import { putSettingsRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  putSettingsRoute,
  async ({ params, body, principal }) => ({ body: await setSettings(transparencyDependencies.repository, params.commune, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
