// POST /v1/civil-status/registers/{registerId}/pages/{page}/complete (registrar of that office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { registerPagesStore } from '../adapters/register-pages.store.ts';
import { completeRegisterPage } from '../application/register-pages.use-cases.ts';
import { completePageRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(
  completePageRoute,
  async ({ params, principal }) => ({
    body: await completeRegisterPage(civilStatusRepository, registerPagesStore, params.registerId, params.page, principal, now()),
  }),
  { idempotency: idempotentRequests },
);
