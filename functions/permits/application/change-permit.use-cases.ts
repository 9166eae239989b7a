// What staff and applicants do to a filed permit: request documents, declare and upload them, extend, give an
// opinion, decide, invoke deemed approval. Each reads the permit once, applies the domain rule and writes one
// transaction.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { ReferenceSnapshot } from '../../reference-data/public.ts';
import { requireApplicantActor, requireStaffActor } from '../domain/permit-access.ts';
import {
  DeadlineLapsedError,
  clockStatus,
  deadlinePassedDetail,
  decide,
  declareDocuments,
  extendDeadline,
  giveOpinion,
  invokeDeemedApproval,
  recordLapse,
  requestDocuments,
  verifyDocument,
  type Opinion,
  type Permit,
  type PermitChange,
} from '../domain/permit.ts';
import { holidayYears, type PermitsDependencies } from './file-permit.use-case.ts';
import type { Counter } from '../domain/permit-figures.ts';
import type { PermitDocumentsStore } from './permits.ports.ts';

/** The use cases of the applicant's documents also reach the bucket they are uploaded to. */
export interface PermitsWithDocuments extends PermitsDependencies {
  readonly documents: PermitDocumentsStore;
}

interface Outcome {
  readonly change: PermitChange;
  /** What the change adds to the figures (its events carry them to the counters). */
  readonly counters?: readonly Counter[];
}

async function loadForChange(dependencies: PermitsDependencies, id: string, now: Date) {
  const today = moroccanDate(now);
  // Holidays of every year the deadline may reach; the permit's receipt year is known only after the read,
  // so the window starts a year back, which covers any open permit.
  const years = holidayYears(Number(today.slice(0, 4)) - 1, today);
  return dependencies.repository.loadWithReference(id, { years });
}

async function changePermit(
  dependencies: PermitsDependencies,
  id: string,
  now: Date,
  apply: (permit: Permit | undefined, reference: ReferenceSnapshot) => Outcome,
): Promise<Permit> {
  const { permit, reference } = await loadForChange(dependencies, id, now);
  const outcome = apply(permit, reference);
  await dependencies.repository.save(outcome.change, outcome.counters ?? []);
  return outcome.change.permit;
}

/**
 * A permit whose deadline passed while nobody recorded it yet (the workflow is about to): the silence has
 * decided, so the lapse is recorded now and the caller is told.
 */
async function recordLapseFirst(dependencies: PermitsDependencies, permit: Permit, now: Date): Promise<never> {
  const lapse = recordLapse(permit, dependencies.identifiers.certificateNumber(permit), now);
  await dependencies.repository.save(lapse, lapseCounters(lapse.permit));
  throw new DeadlineLapsedError(deadlinePassedDetail(permit.clock.dueDate));
}

export function lapseCounters(permit: Permit): Counter[] {
  return ['lapsed', ...(permit.status === 'deemed-approved' ? (['deemedApprovalInvoked'] as const) : [])];
}

async function staffChange(
  dependencies: PermitsDependencies,
  id: string,
  principal: Principal,
  role: 'agent' | 'commission' | 'president',
  now: Date,
  apply: (permit: Permit, actor: { sub: string; role: string }, holidays: ReadonlySet<string>) => Outcome,
): Promise<Permit> {
  let lapsed: Permit | undefined;
  try {
    return await changePermit(dependencies, id, now, (stored, reference) => {
      const { permit, actor } = requireStaffActor(stored, id, principal, role);
      if (permit.status === 'filed' && clockStatus(permit, now) === 'lapsed') lapsed = permit;
      return apply(permit, actor, reference.holidays);
    });
  } catch (error) {
    if (error instanceof DeadlineLapsedError && lapsed) return recordLapseFirst(dependencies, lapsed, now);
    throw error;
  }
}

export function requestPermitDocuments(
  dependencies: PermitsDependencies,
  id: string,
  request: { documents: readonly string[]; note: string },
  principal: Principal,
  now: Date,
): Promise<Permit> {
  return staffChange(dependencies, id, principal, 'agent', now, (permit, actor, holidays) => ({
    change: requestDocuments(permit, request, actor, holidays, now),
  }));
}

export function extendPermitDeadline(
  dependencies: PermitsDependencies,
  id: string,
  extension: { days: number; reason: string },
  principal: Principal,
  now: Date,
): Promise<Permit> {
  return staffChange(dependencies, id, principal, 'agent', now, (permit, actor, holidays) => ({
    change: extendDeadline(permit, extension, actor, holidays, now),
  }));
}

export function givePermitOpinion(
  dependencies: PermitsDependencies,
  id: string,
  opinion: Pick<Opinion, 'verdict' | 'comment'>,
  principal: Principal,
  now: Date,
): Promise<Permit> {
  return staffChange(dependencies, id, principal, 'commission', now, (permit, actor) => ({ change: giveOpinion(permit, opinion, actor, now) }));
}

export function decidePermit(
  dependencies: PermitsDependencies,
  id: string,
  decision: { outcome: 'approved' | 'rejected'; reasons: string },
  principal: Principal,
  now: Date,
): Promise<Permit> {
  return staffChange(dependencies, id, principal, 'president', now, (permit, actor) => {
    const change = decide(permit, decision, actor, now);
    return { change, counters: ['decidedInTime'] };
  });
}

export interface DeclaredUpload {
  readonly documentId: string;
  readonly name: string;
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly expiresAt: string;
}

/**
 * The applicant declares the files answering a documents request, each with its SHA-256, and gets one upload URL
 * per file; the clock stays stopped: nothing counts until it is verified present.
 */
export async function declarePermitDocuments(
  dependencies: PermitsWithDocuments,
  id: string,
  files: readonly { name: string; contentType: string; sha256: string }[],
  principal: Principal,
  now: Date,
): Promise<{ permit: Permit; uploads: DeclaredUpload[] }> {
  const declarations = files.map((file) => ({ ...file, id: dependencies.identifiers.newDocumentId(), sha256: file.sha256.toLowerCase() }));
  const permit = await changePermit(dependencies, id, now, (stored) => {
    const { permit: current, actor } = requireApplicantActor(stored, id, principal);
    return { change: declareDocuments(current, declarations, actor, now) };
  });
  // URLs are signed only once the declaration is stored: a refused request hands out none.
  const uploads = await Promise.all(
    declarations.map(async (declaration) => ({
      documentId: declaration.id,
      name: declaration.name,
      method: 'PUT' as const,
      ...(await dependencies.documents.uploadUrl(dependencies.documents.objectKey(id, declaration.id), declaration.sha256, declaration.contentType)),
    })),
  );
  return { permit, uploads };
}

/**
 * The applicant says a file is uploaded: it counts only if storage holds exactly the declared content (a refused
 * upload is removed). When it is the last requested document, the suspension ends now and a new deadline
 * workflow carries the permit on (started by the `permit.documents-provided` event; the one that parked has ended).
 */
export async function completePermitDocument(dependencies: PermitsWithDocuments, id: string, documentId: string, principal: Principal, now: Date): Promise<Permit> {
  const { permit: stored, reference } = await loadForChange(dependencies, id, now);
  const { permit, actor } = requireApplicantActor(stored, id, principal);
  const objectKey = dependencies.documents.objectKey(id, documentId);
  const upload = permit.documentRequest?.uploads.find((candidate) => candidate.id === documentId);
  const uploaded = upload?.status === 'awaiting-upload' ? await dependencies.documents.digest(objectKey) : undefined;
  let change: PermitChange | undefined;
  try {
    change = verifyDocument(permit, documentId, uploaded, actor, reference.holidays, now);
  } catch (error) {
    if (error instanceof ChecksumMismatchError) await dependencies.documents.discard(objectKey);
    throw error;
  }
  if (!change) return permit;
  await dependencies.repository.save(change, []);
  return change.permit;
}

export async function invokePermitDeemedApproval(dependencies: PermitsDependencies, id: string, principal: Principal, now: Date): Promise<Permit> {
  const today = moroccanDate(now);
  const { permit: stored } = await dependencies.repository.loadWithReference(id, { years: [Number(today.slice(0, 4))] });
  const applicant = requireApplicantActor(stored, id, principal);
  let permit = applicant.permit;
  // The deadline passed a moment ago and the workflow has not recorded it yet: the applicant need not wait for it.
  if (permit.status === 'filed' && clockStatus(permit, now) === 'lapsed') {
    const lapse = recordLapse(permit, dependencies.identifiers.certificateNumber(permit), now);
    await dependencies.repository.save(lapse, lapseCounters(lapse.permit));
    permit = lapse.permit;
    if (permit.status === 'deemed-approved') return permit;
  }
  const change = invokeDeemedApproval(permit, dependencies.identifiers.certificateNumber(permit), applicant.actor, now);
  await dependencies.repository.save(change, ['deemedApprovalInvoked']);
  return change.permit;
}
