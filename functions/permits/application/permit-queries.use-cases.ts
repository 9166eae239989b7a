// Reading permits: one permit with its clock as it stands now, lists for applicants and commune staff,
// the append-only history, the applicant's documents (each read logged), and the figures the ministry reports.
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES } from '../../shared/auth/roles.ts';
import { ForbiddenError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { requireReader, requireStaffReader } from '../domain/permit-access.ts';
import {
  DeadlineNotLapsedError,
  clockExplanation,
  clockStatus,
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

export async function permitHistory(repository: PermitsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<PermitEvent>> {
  requireReader(await repository.get(id), id, principal);
  return repository.history(id, page);
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
  const link = await documents.viewUrl(documents.objectKey(id, documentId));
  await repository.recordDocumentRead({ permitId: id, documentId, name: document.name, by: actor, at: now.toISOString(), linkExpiresAt: link.expiresAt });
  return { document, ...link };
}

/** Who read which document of the permit, newest first: for its applicant and the staff of its commune. */
export async function permitDocumentReads(repository: PermitsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<DocumentRead>> {
  requireReader(await repository.get(id), id, principal);
  return repository.documentReads(id, page);
}

export function applicantNotifications(repository: PermitsRepository, principal: Principal, page: PageRequest) {
  return repository.notifications(principal.sub, page);
}

interface PeriodFigures {
  readonly from: string;
  readonly to: string;
  readonly filed: number;
  readonly decidedInTime: number;
  /** Files whose deadline passed in silence: eligible for deemed approval. */
  readonly lapsed: number;
  readonly deemedApprovalInvoked: number;
}

export interface PermitStats extends PeriodFigures {
  readonly commune: string;
  /** Files past their legal deadline with no decision and deemed approval not yet invoked, now. */
  readonly overdueNow: number;
  readonly previousYear: PeriodFigures;
  /** Change from the same period a year earlier, in percent; null where the earlier figure is zero. */
  readonly changePercent: Record<'filed' | 'decidedInTime' | 'lapsed' | 'deemedApprovalInvoked', number | null>;
}

const COUNTERS = ['filed', 'decidedInTime', 'lapsed', 'deemedApprovalInvoked'] as const;

function yearEarlier(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // 29 February a year earlier is 28 February.
  const shifted = new Date(Date.UTC(year - 1, month - 1, Math.min(day, new Date(Date.UTC(year - 1, month, 0)).getUTCDate())));
  return shifted.toISOString().slice(0, 10);
}

export async function permitStats(
  repository: PermitsRepository,
  principal: Principal,
  query: { commune: string; from: string; to: string },
): Promise<PermitStats> {
  const allowed = principal.roles.includes('auditor') || (principal.commune === query.commune && principal.roles.some((role) => COMMUNE_STAFF_ROLES.includes(role)));
  if (!allowed) throw new ForbiddenError(`Only the staff of commune ${query.commune} and auditors may read its figures`);
  if (query.from > query.to) {
    throw new ValidationFailedError('The period ends before it starts', { fieldIssues: [{ pointer: '/query/to', code: 'too_small', detail: 'to must not be before from' }] });
  }
  const previous = { from: yearEarlier(query.from), to: yearEarlier(query.to) };
  // One query covers both periods: the year before and this one.
  const [days, overdueNow] = await Promise.all([
    repository.dailyStats(query.commune, previous.from, query.to),
    repository.countByStatus(query.commune, 'deemed-approval-available'),
  ]);
  const sum = (from: string, to: string): PeriodFigures => {
    const inPeriod = days.filter((day) => day.date >= from && day.date <= to);
    const totals = Object.fromEntries(COUNTERS.map((counter) => [counter, inPeriod.reduce((total, day) => total + day[counter], 0)]));
    return { from, to, ...(totals as Record<(typeof COUNTERS)[number], number>) };
  };
  const current = sum(query.from, query.to);
  const earlier = sum(previous.from, previous.to);
  const changePercent = Object.fromEntries(
    COUNTERS.map((counter) => [counter, earlier[counter] === 0 ? null : Math.round(((current[counter] - earlier[counter]) / earlier[counter]) * 1000) / 10]),
  ) as PermitStats['changePercent'];
  return { commune: query.commune, ...current, overdueNow, previousYear: earlier, changePercent };
}
