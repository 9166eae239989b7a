// PUT /v1/councils/bodies/{body}/settings (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { setSettings } from '../application/body.use-cases.ts';
import { putSettingsRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  putSettingsRoute,
  async ({ params, body, principal }) => ({ body: await setSettings(councilsRepository, params.body, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
