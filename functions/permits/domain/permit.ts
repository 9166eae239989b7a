// A permit application and every change the law allows on it: filing, document requests (the clock stops),
// documents declared, uploaded and verified (the clock resumes when the last one is), one extension, opinions,
// the decision, the lapse of the deadline and deemed approval. Each change returns the new permit and the event
// that records it; nothing here does I/O.
import { ChecksumMismatchError, DomainError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError, NotFoundError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { ScanVerdict } from '../../shared/malware-scan.ts';
import { PERMIT_PROBLEMS } from '../permits.problems.ts';
import type { BilingualName, Localized } from '../../shared/i18n/language.ts';
import {
  ExtensionRefusedError,
  clockStatusAt,
  extendClock,
  recount,
  resumeClock,
  startClock,
  suspendClock,
  type CaseClock,
  type CaseStanding,
  type ClockStatus,
} from '../../shared/case-clock/domain/case-clock.ts';
import type { StatutoryPeriod } from '../../shared/statutory-clock/statutory-clock.ts';

export { clockExplanation, type ClockStatus } from '../../shared/case-clock/domain/case-clock.ts';

export class DeadlineLapsedError extends DomainError {
  readonly problem = PERMIT_PROBLEMS['deadline-lapsed'];
}

export class DeadlineNotLapsedError extends DomainError {
  readonly problem = PERMIT_PROBLEMS['deadline-not-lapsed'];
}

export type PermitStatus = 'filed' | 'awaiting-documents' | 'approved' | 'rejected' | 'deemed-approval-available' | 'deemed-approved';

/** Statuses in which the administration still has to decide. */
export const OPEN_STATUSES: readonly PermitStatus[] = ['filed', 'awaiting-documents'];

export interface PermitProcedure {
  readonly code: string;
  readonly names: BilingualName;
  readonly category: 'urbanism' | 'economic';
  readonly period: StatutoryPeriod;
  readonly deemedApproval: 'on-request' | 'automatic' | 'none';
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

/**
 * A file the applicant sends for a requested document: declared with its SHA-256, uploaded straight to storage
 * (under a key derived from the permit and document ids), and counted only once the stored content is verified
 * to be the declared one.
 */
export interface PermitDocument {
  readonly id: string;
  /** The requested document it answers. */
  readonly name: string;
  readonly contentType: string;
  /** Lower-case hex SHA-256 the applicant declared. */
  readonly sha256: string;
  readonly status: 'awaiting-upload' | 'verified';
  readonly declaredAt: string;
  readonly verifiedAt?: string;
  readonly sizeBytes?: number;
}

export interface DocumentRequest {
  readonly documents: readonly string[];
  readonly note: string;
  readonly requestedAt: string;
  /** The files declared for this request so far; the request is answered when every document has a verified one. */
  readonly uploads: readonly PermitDocument[];
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
  /**
   * The statutory clock. A suspension starts when documents are requested (`startedAt`) and ends at the instant the
   * last requested document is verified present (`endedAt`), its legal end.
   */
  readonly clock: CaseClock;
  readonly opinions: readonly Opinion[];
  /** Verified documents of the requests answered so far. */
  readonly documents: readonly PermitDocument[];
  readonly documentRequest?: DocumentRequest;
  readonly decision?: { readonly outcome: 'approved' | 'rejected'; readonly reasons: string; readonly by: string; readonly at: string };
  readonly lapsedAt?: string;
  readonly deemedApproval?: { readonly invokedAt: string; readonly certificateNumber: string; readonly automatic: boolean };
}

export type PermitEventType =
  | 'filed'
  | 'documents-requested'
  | 'documents-declared'
  | 'document-verified'
  | 'documents-provided'
  | 'extended'
  | 'opinion-given'
  | 'decided'
  | 'deadline-lapsed'
  | 'deadline-recomputed'
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

/** What the permit tells its clock: open while the administration has to decide, closed by a decision or by the lapse. */
export function caseStanding(permit: Permit): CaseStanding {
  if (permit.lapsedAt) return 'lapsed';
  return OPEN_STATUSES.includes(permit.status) ? 'open' : 'closed';
}

/** Where the clock stands at `now`: lapsed as soon as the due instant has passed, even before the workflow records it. */
export function clockStatus(permit: Permit, now: Date): ClockStatus {
  return clockStatusAt(permit.clock, caseStanding(permit), now);
}

function snapshot(permit: Permit, now: Date): ClockSnapshot {
  return { status: clockStatus(permit, now), dueDate: permit.clock.dueDate };
}

const STATUS_NAMES: Readonly<Record<PermitStatus, Localized>> = {
  filed: { ar: 'قيد الدراسة', fr: 'en instruction', en: 'filed' },
  'awaiting-documents': { ar: 'في انتظار الوثائق', fr: 'en attente de documents', en: 'awaiting documents' },
  approved: { ar: 'مقبول', fr: 'approuvé', en: 'approved' },
  rejected: { ar: 'مرفوض', fr: 'refusé', en: 'rejected' },
  'deemed-approval-available': { ar: 'مؤهل للموافقة الضمنية', fr: "éligible à l'accord tacite", en: 'eligible for deemed approval' },
  'deemed-approved': { ar: 'موافق عليه ضمنيا', fr: 'réputé approuvé', en: 'deemed approved' },
};

/** What the applicant and staff are told once the deadline has passed and nobody recorded it yet. */
export function deadlinePassedDetail(dueDate: string): Localized {
  return {
    ar: `انقضى أجل ${dueDate}: سكوت الإدارة حسم في الملف`,
    fr: `Le délai du ${dueDate} est écoulé : le silence de l'administration a tranché`,
    en: `The deadline of ${dueDate} has passed: the silence of the administration decided`,
  };
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
  const due = permit.clock.dueDate;
  if (permit.lapsedAt) {
    throw new DeadlineLapsedError({
      ar: `انقضى أجل ${due} دون رد: لم يعد بإمكان الإدارة البت في الملف`,
      fr: `Le délai du ${due} est écoulé sans réponse : l'administration ne peut plus statuer`,
      en: `The deadline of ${due} passed in silence: the administration can no longer act`,
    });
  }
  if (!OPEN_STATUSES.includes(permit.status)) {
    const status = STATUS_NAMES[permit.status];
    throw new InvalidStateError({
      ar: `الملف ${status.ar}: لم يعد من الممكن تغييره`,
      fr: `Le dossier est ${status.fr} : il ne peut plus être modifié`,
      en: `The permit is ${status.en}: nothing can change it any more`,
    });
  }
  if (clockStatus(permit, now) === 'lapsed') throw new DeadlineLapsedError(deadlinePassedDetail(due));
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
  const permit: Permit = {
    ...command,
    status: 'filed',
    filedAt: now.toISOString(),
    version: 1,
    clock: startClock(command.procedure.period, now, holidays),
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
  if (permit.status === 'awaiting-documents') {
    throw new InvalidStateError({
      ar: 'سبق طلب وثائق لهذا الملف؛ احتساب الأجل متوقف',
      fr: 'Des documents sont déjà demandés pour ce dossier ; le délai est suspendu',
      en: 'Documents are already requested; the clock is stopped',
    });
  }
  const clock = suspendClock(permit.clock, now, holidays);
  const documentRequest: DocumentRequest = { ...request, requestedAt: now.toISOString(), uploads: [] };
  return change(permit, { ...permit, status: 'awaiting-documents', clock, documentRequest }, 'documents-requested', by, now, {
    documents: request.documents,
  });
}

function openRequest(permit: Permit): DocumentRequest {
  if (permit.status !== 'awaiting-documents' || !permit.documentRequest) {
    throw new InvalidStateError({
      ar: 'لم تُطلب أي وثيقة في هذا الملف',
      fr: "Aucun document n'est demandé pour ce dossier",
      en: 'No documents are requested on this permit',
    });
  }
  return permit.documentRequest;
}

export interface DocumentDeclaration {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly sha256: string;
}

/**
 * The applicant announces the files they will upload, each with its SHA-256. Nothing counts yet: the clock stays
 * stopped until every requested document is verified present. Declaring a document again (after a refused upload)
 * replaces the declaration that was not verified.
 */
export function declareDocuments(permit: Permit, declarations: readonly DocumentDeclaration[], by: Actor, now: Date): PermitChange {
  const request = openRequest(permit);
  const verified = new Set(request.uploads.filter((upload) => upload.status === 'verified').map((upload) => upload.name));
  const fieldIssues = declarations.flatMap((declaration, index) => {
    const pointer = `/body/documents/${index}/name`;
    if (!request.documents.includes(declaration.name)) {
      const detail = {
        ar: `الوثائق المطلوبة: ${request.documents.join('، ')}`,
        fr: `documents demandés : ${request.documents.join(', ')}`,
        en: `requested: ${request.documents.join(', ')}`,
      };
      return [{ pointer, code: 'not_requested', detail }];
    }
    if (verified.has(declaration.name)) {
      const detail = { ar: 'تم الإدلاء بهذه الوثيقة والتحقق منها من قبل', fr: 'ce document est déjà fourni et vérifié', en: 'this document is already provided and verified' };
      return [{ pointer, code: 'already_verified', detail }];
    }
    if (declarations.findIndex((other) => other.name === declaration.name) !== index) {
      return [{ pointer, code: 'duplicate', detail: { ar: 'ملف واحد لكل وثيقة مطلوبة', fr: 'un seul fichier par document demandé', en: 'one file per requested document' } }];
    }
    return [];
  });
  if (fieldIssues.length > 0) {
    throw new ValidationFailedError(
      {
        ar: 'كل ملف يجب أن يجيب عن وثيقة مطلوبة لم يتم الإدلاء بها بعد',
        fr: "Chaque fichier doit répondre à un document demandé qui n'est pas encore fourni",
        en: 'Each file must answer a requested document not provided yet',
      },
      { fieldIssues },
    );
  }
  const declaredAt = now.toISOString();
  const declared = new Set(declarations.map((declaration) => declaration.name));
  const uploads: PermitDocument[] = [
    ...request.uploads.filter((upload) => !declared.has(upload.name)),
    ...declarations.map((declaration) => ({ ...declaration, sha256: declaration.sha256.toLowerCase(), status: 'awaiting-upload' as const, declaredAt })),
  ];
  return change(permit, { ...permit, documentRequest: { ...request, uploads } }, 'documents-declared', by, now, {
    documents: declarations.map((declaration) => declaration.name),
  });
}

/**
 * Storage reports what was uploaded for a declared file. It counts only if its SHA-256 is the declared one; when
 * it is the last requested document, the suspension ends at this instant and the clock resumes.
 * Returns undefined when the file was already verified (nothing changes).
 */
export function verifyDocument(
  permit: Permit,
  documentId: string,
  uploaded: { readonly sha256: string; readonly sizeBytes: number } | undefined,
  by: Actor,
  holidays: ReadonlySet<string>,
  now: Date,
): PermitChange | undefined {
  if (permit.documents.some((document) => document.id === documentId)) return undefined;
  const request = openRequest(permit);
  const upload = request.uploads.find((candidate) => candidate.id === documentId);
  if (!upload) {
    throw new NotFoundError({ ar: `لا توجد وثيقة ${documentId} في هذا الملف`, fr: `Aucun document ${documentId} dans ce dossier`, en: `No document ${documentId} on this permit` });
  }
  if (upload.status === 'verified') return undefined;
  if (!uploaded) {
    throw new InvalidStateError({
      ar: `لم يُرفع أي ملف بعد للوثيقة «${upload.name}»`,
      fr: `Aucun fichier n'est encore déposé pour « ${upload.name} »`,
      en: `Nothing was uploaded for “${upload.name}” yet`,
    });
  }
  if (uploaded.sha256 !== upload.sha256) {
    throw new ChecksumMismatchError({
      ar: `بصمة الملف المرفوع (SHA-256 ${uploaded.sha256}) لا تطابق البصمة المصرح بها ${upload.sha256}؛ لم يُقبل الملف ولم يُحتسب`,
      fr: `Le fichier déposé a pour SHA-256 ${uploaded.sha256}, et non ${upload.sha256} comme déclaré ; il est refusé et ne compte pas`,
      en: `The uploaded file has SHA-256 ${uploaded.sha256}, not the declared ${upload.sha256}; it was refused and does not count`,
    });
  }
  const verifiedAt = now.toISOString();
  const uploads = request.uploads.map((candidate) => (candidate.id === documentId ? { ...candidate, status: 'verified' as const, verifiedAt, sizeBytes: uploaded.sizeBytes } : candidate));
  const verified = uploads.filter((candidate) => candidate.status === 'verified');
  const complete = request.documents.every((name) => verified.some((candidate) => candidate.name === name));
  if (!complete) {
    return change(permit, { ...permit, documentRequest: { ...request, uploads } }, 'document-verified', by, now, { document: upload.name });
  }
  const clock = resumeClock(permit.clock, now, holidays);
  const { documentRequest: _answered, ...rest } = permit;
  return change(permit, { ...rest, status: 'filed', clock, documents: [...permit.documents, ...verified] }, 'documents-provided', by, now, {
    documents: verified.map((document) => document.name),
    suspensionEndedAt: verifiedAt,
  });
}

/** A verified document of the permit, for staff to read; files still awaiting verification are not readable. */
export function verifiedDocument(permit: Permit, documentId: string): PermitDocument {
  const document = [...permit.documents, ...(permit.documentRequest?.uploads ?? [])].find((candidate) => candidate.id === documentId);
  if (!document) {
    throw new NotFoundError({ ar: `لا توجد وثيقة ${documentId} في هذا الملف`, fr: `Aucun document ${documentId} dans ce dossier`, en: `No document ${documentId} on this permit` });
  }
  if (document.status !== 'verified') {
    throw new InvalidStateError({
      ar: `الوثيقة «${document.name}» لم يتم التحقق منها بعد`,
      fr: `Le document « ${document.name} » n'est pas encore vérifié`,
      en: `The document “${document.name}” is not verified yet`,
    });
  }
  return document;
}

/**
 * A verified document is served to staff once the malware scanner found it clean (or where the deployment has no
 * scanner); never while the scan is pending, never once it found a threat. The scan does not move the legal moment:
 * the document was provided when its upload was verified.
 */
export function requireScannedClean(document: PermitDocument, verdict: ScanVerdict): void {
  if (verdict === 'withheld') {
    throw new FileQuarantinedError({
      ar: `لم تجتز الوثيقة «${document.name}» فحص البرمجيات الخبيثة؛ لا تُقدَّم لأحد، ويمكن طلبها من جديد`,
      fr: `Le document « ${document.name} » n'a pas passé l'analyse antivirus ; il n'est servi à personne et peut être demandé à nouveau`,
      en: `The document “${document.name}” did not pass the malware scan; it is served to no one and may be requested again`,
    });
  }
  if (verdict === 'pending') {
    throw new FileNotScannedYetError({
      ar: `لم تُفحص الوثيقة «${document.name}» بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة بعد دقائق`,
      fr: `Le document « ${document.name} » n'a pas encore été analysé par l'antivirus ; réessayez dans quelques minutes`,
      en: `The document “${document.name}” has not been scanned for malware yet; try again in a few minutes`,
    });
  }
}

export function extendDeadline(
  permit: Permit,
  extension: { readonly days: number; readonly reason: string },
  by: Actor,
  holidays: ReadonlySet<string>,
  now: Date,
): PermitChange {
  requireOpenBeforeDeadline(permit, now);
  // The clock allows one extension before the deadline; the permit's rule bounds its length.
  const period = permit.clock.period.days;
  if (extension.days > period) {
    throw new ExtensionRefusedError({
      ar: `لا يجوز أن يتجاوز التمديد الأجل الأصلي البالغ ${period} يوما`,
      fr: `Une prorogation ne peut dépasser le délai initial de ${period} jours`,
      en: `An extension may not exceed the original period of ${period} days`,
    });
  }
  const clock = extendClock(permit.clock, extension, holidays, now);
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
    const status = STATUS_NAMES[permit.status];
    const due = permit.clock.dueDate;
    throw new DeadlineNotLapsedError({
      ar: `الملف ${status.ar} وأجله ${due}`,
      fr: `Le dossier est ${status.fr}, son délai court jusqu'au ${due}`,
      en: `The permit is ${status.en} with its deadline on ${due}`,
    });
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
  if (permit.applicant !== by.sub) {
    throw new ForbiddenError({
      ar: 'وحده صاحب الطلب يمكنه التمسك بالموافقة الضمنية',
      fr: "Seul le demandeur peut invoquer l'accord tacite",
      en: 'Only the applicant may invoke deemed approval',
    });
  }
  if (permit.status !== 'deemed-approval-available') {
    const due = permit.clock.dueDate;
    if (permit.status === 'filed' || permit.status === 'awaiting-documents') {
      throw new DeadlineNotLapsedError({
        ar: `يسري الأجل إلى غاية ${due}؛ يمكن التمسك بالموافقة الضمنية بعد انقضائه`,
        fr: `Le délai court jusqu'au ${due} ; l'accord tacite peut être invoqué ensuite`,
        en: `The deadline runs until ${due}; deemed approval can be invoked after it`,
      });
    }
    const status = STATUS_NAMES[permit.status];
    throw new InvalidStateError({ ar: `الملف ${status.ar}`, fr: `Le dossier est ${status.fr}`, en: `The permit is ${status.en}` });
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

/** Why a running deadline was counted again: an administrator confirmed or moved holidays of `year`. */
export interface HolidayChange {
  readonly year: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The running deadline counted again with the holidays as they now stand. A change only when the due instant moved;
 * only while the clock runs (a suspended clock is counted afresh when it resumes, a closed one no longer counts)
 * and before the former due instant (a deadline that has already passed in silence stays passed).
 */
export function recountDeadline(permit: Permit, holidays: ReadonlySet<string>, why: HolidayChange, now: Date): PermitChange | undefined {
  if (clockStatus(permit, now) !== 'running') return undefined;
  const { clock, dueMoved } = recount(permit.clock, holidays, now);
  if (!dueMoved) return undefined;
  return change(permit, { ...permit, clock }, 'deadline-recomputed', SYSTEM_ACTOR, now, {
    reason: 'holidays-changed',
    year: why.year,
    holidaysAdded: why.added,
    holidaysRemoved: why.removed,
    dueDateBefore: permit.clock.dueDate,
    dueDateAfter: clock.dueDate,
    dueAtBefore: permit.clock.dueAt,
    dueAtAfter: clock.dueAt,
  });
}
