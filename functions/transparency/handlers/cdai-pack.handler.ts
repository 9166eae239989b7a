// POST /v1/transparency/requests/{id}/cdai-pack (its requester, or an agent of its commune): issued once, the same pack after
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { cdaiPack } from '../application/recourse.use-cases.ts';
import { cdaiPackRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(cdaiPackRoute, async ({ params, principal }) => ({ body: await cdaiPack(transparencyDependencies.repository, params.id, principal, now()) }));
