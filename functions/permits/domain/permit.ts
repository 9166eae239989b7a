// A permit application and every change the law allows on it: filing, document requests (the clock stops),
// documents provided (it resumes), one extension, opinions, the decision, the lapse of the deadline and
// deemed approval. Each change returns the new permit and the event that records it; nothing here does I/O.
import { DomainError, ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import {
  computeDeadline,
  type ExplanationStep,
  type StatutoryPeriod,
  type Suspension,
} from '../../shared/statutory-clock/statutory-clock.ts';

export class DeadlineLapsedError extends DomainError {
  readonly code = 'deadline-lapsed';
}

export class DeadlineNotLapsedError extends DomainError {
  readonly code = 'deadline-not-lapsed';
}

export class ExtensionRefusedError extends DomainError {
  readonly code = 'extension-refused';
}

export type PermitStatus = 'filed' | 'awaiting-documents' | 'approved' | 'rejected' | 'deemed-approval-available' | 'deemed-approved';

/** Statuses in which the administration still has to decide. */
export const OPEN_STATUSES: readonly PermitStatus[] = ['filed', 'awaiting-documents'];

export type ClockStatus = 'running' | 'suspended' | 'lapsed' | 'stopped';

export interface PermitProcedure {
  readonly code: string;
  readonly names: BilingualName;
  readonly category: 'urbanism' | 'economic';
  readonly period: StatutoryPeriod;
  readonly deemedApproval: 'on-request' | 'automatic' | 'none';
}

export interface PermitClock {
  readonly receiptDate: string;
  readonly period: StatutoryPeriod;
  readonly suspensions: readonly Suspension[];
  readonly extension?: { readonly days: number; readonly reason: string; readonly grantedOn: string };
  readonly dueDate: string;
  readonly dueAt: string;
  readonly explanation: readonly ExplanationStep[];
}

export interface Actor {
  readonly sub: string;
  readonly role: string;
}

export const SYSTEM_ACTOR: Actor = { sub: 'system', role: 'system' };

export interface Opinion {
  readonly by: string;
  readonly verdict: 'favorable' | 'unfavorable' | 'reserved';
  readonly comment: string;
  readonly at: string;
}

export interface ProvidedDocument {
  readonly name: string;
  readonly objectKey: string;
  readonly providedAt: string;
}

export interface Permit {
  readonly id: string;
  readonly receiptNumber: string;
  readonly procedure: PermitProcedure;
  readonly commune: { readonly code: string; readonly names: BilingualName };
  readonly applicant: string;
  readonly project: { readonly title: string; readonly address: string; readonly description?: string; readonly parcelReference?: string };
  readonly status: PermitStatus;
  readonly filedAt: string;
  /** Grows by one with every change; the event of a change carries the version it produced. */
  readonly version: number;
  readonly clock: PermitClock;
  readonly opinions: readonly Opinion[];
  readonly documents: readonly ProvidedDocument[];
  readonly documentRequest?: { readonly documents: readonly string[]; readonly note: string };
  readonly decision?: { readonly outcome: 'approved' | 'rejected'; readonly reasons: string; readonly by: string; readonly at: string };
  readonly lapsedAt?: string;
  readonly deemedApproval?: { readonly invokedAt: string; readonly certificateNumber: string; readonly automatic: boolean };
}

export type PermitEventType =
  | 'filed'
  | 'documents-requested'
  | 'documents-provided'
  | 'extended'
  | 'opinion-given'
  | 'decided'
  | 'deadline-lapsed'
  | 'deemed-approval-invoked';

export interface ClockSnapshot {
  readonly status: ClockStatus;
  readonly dueDate: string;
}

export interface PermitEvent {
  readonly permitId: string;
  readonly version: number;
  readonly type: PermitEventType;
  readonly at: string;
  readonly by: Actor;
  readonly statusBefore?: PermitStatus;
  readonly statusAfter: PermitStatus;
  readonly clockBefore?: ClockSnapshot;
  readonly clockAfter: ClockSnapshot;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface PermitChange {
  readonly permit: Permit;
  readonly event: PermitEvent;
}

/** Where the clock stands at `now`: lapsed as soon as the due instant has passed, even before the workflow records it. */
export function clockStatus(permit: Permit, now: Date): ClockStatus {
  if (permit.status === 'awaiting-documents') return 'suspended';
  if (permit.status === 'filed') return now.getTime() > Date.parse(permit.clock.dueAt) ? 'lapsed' : 'running';
  if (permit.status === 'deemed-approval-available' || (permit.status === 'deemed-approved' && permit.lapsedAt)) return 'lapsed';
  return 'stopped';
}

function snapshot(permit: Permit, now: Date): ClockSnapshot {
  return { status: clockStatus(permit, now), dueDate: permit.clock.dueDate };
}

function recompute(clock: Omit<PermitClock, 'dueDate' | 'dueAt' | 'explanation'>, holidays: ReadonlySet<string>, asOf: string): PermitClock {
  const deadline = computeDeadline({
    period: clock.period,
    receiptDate: clock.receiptDate,
    holidays,
    suspensions: clock.suspensions,
    ...(clock.extension && { extensionDays: clock.extension.days }),
    asOf,
  });
  return { ...clock, dueDate: deadline.dueDate, dueAt: deadline.dueAt, explanation: deadline.explanation };
}

function change(before: Permit, after: Omit<Permit, 'version'>, type: PermitEventType, by: Actor, now: Date, details?: PermitEvent['details']): PermitChange {
  const permit = { ...after, version: before.version + 1 } as Permit;
  return {
    permit,
    event: {
      permitId: permit.id,
      version: permit.version,
      type,
      at: now.toISOString(),
      by,
      statusBefore: before.status,
      statusAfter: permit.status,
      clockBefore: snapshot(before, now),
      clockAfter: snapshot(permit, now),
      ...(details && { details }),
    },
  };
}

/** The administration may act only while the file is open and its deadline has not passed. */
function requireOpenBeforeDeadline(permit: Permit, now: Date): void {
  if (permit.lapsedAt) {
    throw new DeadlineLapsedError(`The deadline of ${permit.clock.dueDate} passed in silence: the administration can no longer act`);
  }
  if (!OPEN_STATUSES.includes(permit.status)) {
    throw new InvalidStateError(`The permit is ${permit.status}: nothing can change it any more`);
  }
  if (clockStatus(permit, now) === 'lapsed') {
    throw new DeadlineLapsedError(`The deadline of ${permit.clock.dueDate} has passed: the silence of the administration decided`);
  }
}

export interface FilePermitCommand {
  readonly id: string;
  readonly receiptNumber: string;
  readonly procedure: PermitProcedure;
  readonly commune: Permit['commune'];
  readonly applicant: string;
  readonly project: Permit['project'];
}

export function filePermit(command: FilePermitCommand, holidays: ReadonlySet<string>, now: Date): PermitChange {
  const receiptDate = moroccanDate(now);
  const permit: Permit = {
    ...command,
    status: 'filed',
    filedAt: now.toISOString(),
    version: 1,
    clock: recompute({ receiptDate, period: command.procedure.period, suspensions: [] }, holidays, receiptDate),
    opinions: [],
    documents: [],
  };
  return {
    permit,
    event: {
      permitId: permit.id,
      version: 1,
      type: 'filed',
      at: permit.filedAt,
      by: { sub: command.applicant, role: 'citizen' },
      statusAfter: 'filed',
      clockAfter: snapshot(permit, now),
      details: { receiptNumber: permit.receiptNumber, procedure: permit.procedure.code },
    },
  };
}

export function requestDocuments(
  permit: Permit,
  request: { readonly documents: readonly string[]; readonly note: string },
  by: Actor,
  holidays: ReadonlySet<string>,
  now: Date,
): PermitChange {
  requireOpenBeforeDeadline(permit, now);
  if (permit.status === 'awaiting-documents') throw new InvalidStateError('Documents are already requested; the clock is stopped');
  const today = moroccanDate(now);
  const clock = recompute({ ...permit.clock, suspensions: [...permit.clock.suspensions, { from: today }] }, holidays, today);
  return change(permit, { ...permit, status: 'awaiting-documents', clock, documentRequest: request }, 'documents-requested', by, now, {
    documents: request.documents,
  });
}

export function provideDocuments(
  permit: Permit,
  documents: readonly ProvidedDocument[],
  by: Actor,
  holidays: ReadonlySet<string>,
  now: Date,
): PermitChange {
  if (permit.status !== 'awaiting-documents') throw new InvalidStateError('No documents are requested on this permit');
  const today = moroccanDate(now);
  const suspensions = permit.clock.suspensions.map((suspension) => (suspension.to === undefined ? { ...suspension, to: today } : suspension));
  const clock = recompute({ ...permit.clock, suspensions }, holidays, today);
  const { documentRequest: _answered, ...rest } = permit;
  return change(permit, { ...rest, status: 'filed', clock, documents: [...permit.documents, ...documents] }, 'documents-provided', by, now, {
    documents: documents.map((document) => document.name),
  });
}

export function extendDeadline(
  permit: Permit,
  extension: { readonly days: number; readonly reason: string },
  by: Actor,
  holidays: ReadonlySet<string>,
  now: Date,
): PermitChange {
  requireOpenBeforeDeadline(permit, now);
  if (permit.clock.extension) throw new ExtensionRefusedError('The deadline was already extended once; the law allows one extension');
  if (extension.days > permit.clock.period.days) {
    throw new ExtensionRefusedError(`An extension may not exceed the original period of ${permit.clock.period.days} days`);
  }
  const today = moroccanDate(now);
  const clock = recompute({ ...permit.clock, extension: { ...extension, grantedOn: today } }, holidays, today);
  return change(permit, { ...permit, clock }, 'extended', by, now, { days: extension.days, reason: extension.reason });
}

export function giveOpinion(permit: Permit, opinion: Omit<Opinion, 'at' | 'by'>, by: Actor, now: Date): PermitChange {
  requireOpenBeforeDeadline(permit, now);
  const given: Opinion = { ...opinion, by: by.sub, at: now.toISOString() };
  return change(permit, { ...permit, opinions: [...permit.opinions, given] }, 'opinion-given', by, now, { verdict: opinion.verdict });
}

export function decide(permit: Permit, decision: { readonly outcome: 'approved' | 'rejected'; readonly reasons: string }, by: Actor, now: Date): PermitChange {
  requireOpenBeforeDeadline(permit, now);
  const decided = { ...decision, by: by.sub, at: now.toISOString() };
  return change(permit, { ...permit, status: decision.outcome, decision: decided }, 'decided', by, now, { outcome: decision.outcome });
}

/** Records that the deadline passed in silence; a procedure with automatic deemed approval is approved at once. */
export function recordLapse(permit: Permit, certificateNumber: string, now: Date): PermitChange {
  if (clockStatus(permit, now) !== 'lapsed' || permit.status !== 'filed') {
    throw new DeadlineNotLapsedError(`The permit is ${permit.status} with its deadline on ${permit.clock.dueDate}`);
  }
  const lapsedAt = now.toISOString();
  if (permit.procedure.deemedApproval === 'automatic') {
    return change(
      permit,
      { ...permit, status: 'deemed-approved', lapsedAt, deemedApproval: { invokedAt: lapsedAt, certificateNumber, automatic: true } },
      'deadline-lapsed',
      SYSTEM_ACTOR,
      now,
      { deemedApproval: 'automatic' },
    );
  }
  return change(permit, { ...permit, status: 'deemed-approval-available', lapsedAt }, 'deadline-lapsed', SYSTEM_ACTOR, now, {
    deemedApproval: permit.procedure.deemedApproval,
  });
}

export function invokeDeemedApproval(permit: Permit, certificateNumber: string, by: Actor, now: Date): PermitChange {
  if (permit.applicant !== by.sub) throw new ForbiddenError('Only the applicant may invoke deemed approval');
  if (permit.status !== 'deemed-approval-available') {
    if (permit.status === 'filed' || permit.status === 'awaiting-documents') {
      throw new DeadlineNotLapsedError(`The deadline runs until ${permit.clock.dueDate}; deemed approval can be invoked after it`);
    }
    throw new InvalidStateError(`The permit is ${permit.status}`);
  }
  return change(
    permit,
    { ...permit, status: 'deemed-approved', deemedApproval: { invokedAt: now.toISOString(), certificateNumber, automatic: false } },
    'deemed-approval-invoked',
    by,
    now,
    { certificateNumber },
  );
}
