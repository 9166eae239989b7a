// Reading permits: one permit with its clock as it stands now, lists for applicants and commune staff,
// and the append-only history.
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { requireReader } from '../domain/permit-access.ts';
import { DeadlineNotLapsedError, clockStatus, type Permit, type PermitEvent, type PermitStatus } from '../domain/permit.ts';
import type { PageRequest, PermitsRepository } from './permits.ports.ts';

export interface PermitView extends Omit<Permit, 'clock'> {
  readonly clock: Permit['clock'] & { readonly status: ReturnType<typeof clockStatus> };
}

export function viewOf(permit: Permit, now: Date): PermitView {
  return { ...permit, clock: { ...permit.clock, status: clockStatus(permit, now) } };
}

export async function getPermit(repository: PermitsRepository, id: string, principal: Principal, now: Date): Promise<PermitView> {
  return viewOf(requireReader(await repository.get(id), id, principal), now);
}

export async function readablePermit(repository: PermitsRepository, id: string, principal: Principal): Promise<Permit> {
  return requireReader(await repository.get(id), id, principal);
}

/** A permit approved by silence, for its certificate; any other permit has none yet. */
export async function deemedApprovedPermit(
  repository: PermitsRepository,
  id: string,
  principal: Principal,
): Promise<Permit & { deemedApproval: NonNullable<Permit['deemedApproval']> }> {
  const permit = await readablePermit(repository, id, principal);
  if (permit.status !== 'deemed-approved' || !permit.deemedApproval) {
    throw new DeadlineNotLapsedError(`Permit ${id} is ${permit.status}: a certificate exists only once deemed approval is invoked`);
  }
  return { ...permit, deemedApproval: permit.deemedApproval };
}

export async function listPermits(
  repository: PermitsRepository,
  principal: Principal,
  filter: { status?: PermitStatus },
  page: PageRequest,
  now: Date,
): Promise<Page<PermitView>> {
  const staff = principal.roles.some((role) => COMMUNE_STAFF_ROLES.includes(role));
  let listed: Page<Permit>;
  if (staff) {
    if (!principal.commune) throw new ForbiddenError('Your account is not attached to a commune');
    listed = await repository.listByCommune(principal.commune, filter.status, page);
  } else {
    listed = await repository.listByApplicant(principal.sub, page);
    if (filter.status) listed = { ...listed, items: listed.items.filter((permit) => permit.status === filter.status) };
  }
  return { ...listed, items: listed.items.map((permit) => viewOf(permit, now)) };
}

export async function permitHistory(repository: PermitsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<PermitEvent>> {
  requireReader(await repository.get(id), id, principal);
  return repository.history(id, page);
}

export function applicantNotifications(repository: PermitsRepository, principal: Principal, page: PageRequest) {
  return repository.notifications(principal.sub, page);
}
