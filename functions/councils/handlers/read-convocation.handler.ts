// POST /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/reading (the member)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { convocationSigner, noTimestampAuthority } from '../adapters/convocation-evidence.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { recordFirstReading } from '../application/convocation.use-cases.ts';
import { readConvocationRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  readConvocationRoute,
  async ({ params, principal }) =>
    ({ body: await recordFirstReading(councilsRepository, { signer: convocationSigner, timestamps: noTimestampAuthority }, params.body, params.id, Number(params.round), params.member, principal, now()) }),
  { idempotency: idempotentRequests },
);
