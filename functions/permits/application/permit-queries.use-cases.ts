// Reading permits: one permit with its clock as it stands now, lists for applicants and commune staff,
// the append-only history, and the applicant's documents (each read logged).
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { requireReader, requireStaffReader } from '../domain/permit-access.ts';
import {
  DeadlineNotLapsedError,
  clockExplanation,
  clockStatus,
  requireScannedClean,
  verifiedDocument,
  type ClockStatus,
  type Permit,
  type PermitDocument,
  type PermitEvent,
  type PermitStatus,
} from '../domain/permit.ts';
import type { DocumentRead, PageRequest, PermitDocumentsStore, PermitsRepository } from './permits.ports.ts';

/** A permit as a change answers it: its clock with the status now, without the explanation. */
export interface ChangedPermitView extends Omit<Permit, 'clock'> {
  readonly clock: Omit<Permit['clock'], 'holidays' | 'countedOn'> & { readonly status: ClockStatus };
}

export interface PermitView extends ChangedPermitView {
  readonly clock: ChangedPermitView['clock'] & { readonly explanation: ReturnType<typeof clockExplanation> };
}

/**
 * What a change answers. The answer is kept whole in the idempotency table for retries, so the explanation (a
 * few kilobytes in three languages, derived from the clock) is left to the reads: GET /v1/permits/{id} gives it.
 */
export function changedPermitView(permit: Permit, now: Date): ChangedPermitView {
  const { holidays: _holidays, countedOn: _countedOn, ...clock } = permit.clock;
  return { ...permit, clock: { ...clock, status: clockStatus(permit, now) } };
}

/** The permit as a read shows it: its clock's status now, and the explanation recomputed from the clock's state. */
export function viewOf(permit: Permit, now: Date): PermitView {
  const changed = changedPermitView(permit, now);
  return { ...changed, clock: { ...changed.clock, explanation: clockExplanation(permit.clock) } };
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
    throw new DeadlineNotLapsedError({
      ar: `لا تصدر شهادة الموافقة الضمنية للملف ${id} إلا بعد التمسك بها`,
      fr: `L'attestation d'accord tacite du dossier ${id} n'existe qu'une fois l'accord tacite invoqué`,
      en: `Permit ${id} is ${permit.status}: a certificate exists only once deemed approval is invoked`,
    });
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
    if (!principal.commune) {
      throw new ForbiddenError({ ar: 'حسابكم غير مرتبط بأي جماعة', fr: "Votre compte n'est rattaché à aucune commune", en: 'Your account is not attached to a commune' });
    }
    listed = await repository.listByCommune(principal.commune, filter.status, page);
  } else {
    listed = await repository.listByApplicant(principal.sub, page);
    if (filter.status) listed = { ...listed, items: listed.items.filter((permit) => permit.status === filter.status) };
  }
  return { ...listed, items: listed.items.map((permit) => viewOf(permit, now)) };
}

/**
 * The history, oldest first. Its entries are written from each change's event, a moment after the change: until
 * then, the last page shows the latest change's entry from the permit, which carries it.
 */
export async function permitHistory(repository: PermitsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<PermitEvent>> {
  const { permit, latestEntry } = await repository.getWithLatestEntry(id);
  requireReader(permit, id, principal);
  return repository.history(id, page, latestEntry);
}

/**
 * A short-lived link to read a verified document, for the staff of the permit's commune; the read is logged
 * before the link is handed out, so no one reads a document without leaving a trace.
 */
export async function readPermitDocument(
  repository: PermitsRepository,
  documents: PermitDocumentsStore,
  id: string,
  documentId: string,
  principal: Principal,
  now: Date,
): Promise<{ document: PermitDocument; url: string; expiresAt: string }> {
  const { permit, actor } = requireStaffReader(await repository.get(id), id, principal);
  const document = verifiedDocument(permit, documentId);
  const objectKey = documents.objectKey(id, documentId);
  requireScannedClean(document, await documents.scanVerdict(objectKey));
  const link = await documents.viewUrl(objectKey);
  await repository.recordDocumentRead({ permitId: id, documentId, name: document.name, by: actor, at: now.toISOString(), linkExpiresAt: link.expiresAt });
  return { document, ...link };
}

/** Who read which document of the permit, newest first: for its applicant and the staff of its commune. */
export async function permitDocumentReads(repository: PermitsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<DocumentRead>> {
  requireReader(await repository.get(id), id, principal);
  return repository.documentReads(id, page);
}
