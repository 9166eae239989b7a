// POST /v1/civil-status/registers/{registerId}/pages (registrar of that office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { registerPagesStore } from '../adapters/register-pages.store.ts';
import { declareRegisterPage } from '../application/register-pages.use-cases.ts';
import { declarePageRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(
  declarePageRoute,
  async ({ params, body, principal }) => ({
    status: 201,
    body: await declareRegisterPage(civilStatusRepository, registerPagesStore, { registerId: params.registerId, ...body }, principal, now()),
  }),
  { idempotency: idempotentRequests },
);
