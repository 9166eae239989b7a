// GET /v1/civil-status/registers/{registerId}/pages/{page} (registrar of that office, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { registerPagesStore } from '../adapters/register-pages.store.ts';
import { viewRegisterPage } from '../application/register-pages.use-cases.ts';
import { viewPageRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(viewPageRoute, async ({ params, principal }) => ({
  body: await viewRegisterPage(civilStatusRepository, registerPagesStore, params.registerId, params.page, principal),
}));
