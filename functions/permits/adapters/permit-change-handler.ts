// The HTTP handler of a staff action on a permit (documents request, extension, opinion, decision): the
// validated body and the caller go to the use case, the permit comes back as it now stands.
import type * as z from 'zod/mini';
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import type { RouteContract } from '../../shared/http/route-contract.ts';
import { now } from '../../shared/time/time-source.ts';
import type { PermitsDependencies } from '../application/file-permit.use-case.ts';
import { changedPermitView } from '../application/permit-queries.use-cases.ts';
import type { Permit } from '../domain/permit.ts';
import { permitsDependencies } from './permits.dependencies.ts';

type PermitParams = z.core.$ZodType<{ id: string }>;

export function permitChangeHandler<Body extends z.core.$ZodType>(
  route: RouteContract<PermitParams, z.core.$ZodType, Body, readonly Role[]>,
  change: (dependencies: PermitsDependencies, id: string, body: z.output<Body>, principal: Principal, at: Date) => Promise<Permit>,
) {
  return httpHandler(
    route,
    async ({ params, body, principal }) => {
      const at = now();
      return { body: changedPermitView(await change(permitsDependencies, params.id, body, principal, at), at) };
    },
    { idempotency: idempotentRequests },
  );
}
