// The papers of the agenda: declared by the secretariat (the upload URL signed with the declared SHA-256), completed
// (the object read back and checked: digest, size, type by its content; refused, it is removed), read by members,
// staff and the governor through a short-lived link (each read logged), and a public item's papers downloaded by
// anyone. A paper not released yet is released (or quarantined) when a completion or a read finds the malware
// scanner's tag on it.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, writtenUnlessChangedMeanwhile } from '../../shared/errors/domain-errors.ts';
import { isReleased } from '../../shared/files/declared-file.ts';
import { scanVerdict } from '../../shared/malware-scan.ts';
import { completePaper, declarePaper, paperOf, PaperRefusedError, recordPaperScan, requireServablePaper, type AgendaPaper, type PaperDeclaration, type ScanReading, type UploadedContent } from '../domain/agenda-papers.ts';
import { notFound, unknownBody } from '../domain/council-errors.ts';
import type { Session, SessionChange } from '../domain/session.ts';
import { actorFor, type AccessCheck } from './council-access.ts';
import type { CouncilsRepository } from './councils.ports.ts';

/** Where the papers are stored: one object per declared paper, uploaded straight from the secretariat's browser. */
export interface PaperUploads {
  objectKey(sessionId: string, itemNumber: number, paperId: string): string;
  /** A PUT URL that S3 honours only for content of this SHA-256 and type. */
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** The object's digest and size, with its content when at most `keepUpToBytes` long; undefined when nothing was uploaded. */
  contents(objectKey: string, keepUpToBytes: number): Promise<UploadedContent | undefined>;
  /** The malware scanner's tag on the object, undefined while it has none. */
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<{ url: string; expiresAt: string }>;
}

/** One read of a paper: who, when, and until when the link they were given works. */
export interface PaperRead {
  readonly sessionId: string;
  readonly itemNumber: number;
  readonly paperId: string;
  readonly by: { readonly sub: string; readonly roles: readonly string[] };
  readonly at: string;
  readonly linkExpiresAt: string;
}

export interface PapersRepository extends Pick<CouncilsRepository, 'bodyContext' | 'saveSession'> {
  recordPaperRead(read: PaperRead): Promise<void>;
  /** The change that releases (or quarantines) a paper and the read it allowed, together (ConflictError as `saveSession`). */
  saveSessionWithPaperRead(change: SessionChange, read: PaperRead): Promise<void>;
}

export interface PapersDependencies {
  readonly repository: PapersRepository;
  readonly uploads: PaperUploads;
  readonly newPaperId: () => string;
  /** False only where the deployment says no scanner runs (the local platform). */
  readonly scannerDeployed: boolean;
}

const SECRETARIAT = ['council-secretary', 'president'] as const;
const READERS = ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'] as const;

/** The session; `access`, when given, is checked on the body before the session's existence is told. */
async function sessionOf(dependencies: PapersDependencies, bodyId: string, sessionId: string, access?: AccessCheck): Promise<Session> {
  const context = await dependencies.repository.bodyContext(bodyId, { sessionId });
  if (!context.body) throw unknownBody(bodyId);
  if (access) actorFor(access.principal, context.body, access.roles);
  if (!context.session) throw notFound({ ar: `لا دورة ${sessionId}`, fr: `Aucune session ${sessionId}`, en: `No session ${sessionId}` });
  return context.session;
}

async function scanReading(dependencies: PapersDependencies, objectKey: string): Promise<ScanReading> {
  const tag = await dependencies.uploads.scanTag(objectKey);
  return { verdict: scanVerdict(tag, dependencies.scannerDeployed), ...(tag !== undefined && { tag }) };
}

export interface DeclaredPaper {
  readonly paper: AgendaPaper;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}

/** Declares a paper of an item and hands out its upload URL, signed only once the declaration is stored. */
export async function declareAgendaPaper(dependencies: PapersDependencies, bodyId: string, sessionId: string, itemNumber: number, file: Omit<PaperDeclaration, 'id'>, principal: Principal, now: Date): Promise<DeclaredPaper> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const session = await sessionOf(dependencies, bodyId, sessionId);
  const declaration = { ...file, id: dependencies.newPaperId() };
  const change = declarePaper(session, itemNumber, declaration, actor, now);
  await dependencies.repository.saveSession(change);
  const { paper } = paperOf(change.session, itemNumber, declaration.id);
  const upload = await dependencies.uploads.uploadUrl(dependencies.uploads.objectKey(sessionId, itemNumber, paper.id), paper.sha256, paper.contentType);
  return { paper, upload: { method: 'PUT', ...upload } };
}

/**
 * Its declarer says the paper is uploaded: it counts only if storage holds the declared bytes, of the declared type
 * by their content; otherwise the object is removed and the session stays as it was.
 */
export async function completeAgendaPaper(dependencies: PapersDependencies, bodyId: string, sessionId: string, itemNumber: number, paperId: string, principal: Principal, now: Date): Promise<AgendaPaper> {
  actorFor(principal, bodyId, [...SECRETARIAT]);
  const session = await sessionOf(dependencies, bodyId, sessionId);
  const { paper } = paperOf(session, itemNumber, paperId);
  const objectKey = dependencies.uploads.objectKey(sessionId, itemNumber, paperId);
  const awaited = paper.status === 'awaiting-upload' && paper.declaredBy.sub === principal.sub;
  // Held whole only up to the declared size: a larger object is refused by its size alone.
  const uploaded = awaited ? await dependencies.uploads.contents(objectKey, paper.sizeBytes) : undefined;
  const scan: ScanReading = uploaded ? await scanReading(dependencies, objectKey) : { verdict: 'pending' };
  let change;
  try {
    change = completePaper(session, itemNumber, paperId, uploaded, scan, principal, now);
  } catch (error) {
    if (error instanceof ChecksumMismatchError || error instanceof PaperRefusedError) await dependencies.uploads.discard(objectKey);
    throw error;
  }
  if (!change) return paper;
  await dependencies.repository.saveSession(change);
  return paperOf(change.session, itemNumber, paperId).paper;
}

/**
 * A short-lived link to a paper for the members, the secretariat, the governor's office, administrators and
 * auditors, once the scanner released it (its uploader as soon as it is attached); the read is logged. While it is
 * not released, the scanner's tag is read first.
 */
export async function readAgendaPaper(
  dependencies: PapersDependencies,
  bodyId: string,
  sessionId: string,
  itemNumber: number,
  paperId: string,
  principal: Principal,
  now: Date,
): Promise<{ paper: AgendaPaper; url: string; expiresAt: string }> {
  // The governor's scope is the body's territory: checked once the body is read.
  const stored = await sessionOf(dependencies, bodyId, sessionId, { principal, roles: READERS });
  const before = paperOf(stored, itemNumber, paperId).paper;
  const objectKey = dependencies.uploads.objectKey(sessionId, itemNumber, paperId);
  const scan = before.status === 'attached' && before.scan === 'pending' ? recordPaperScan(stored, itemNumber, paperId, await scanReading(dependencies, objectKey), now) : undefined;
  const paper = scan ? paperOf(scan.session, itemNumber, paperId).paper : before;
  if (scan && paper.scan === 'quarantined') await writtenUnlessChangedMeanwhile(() => dependencies.repository.saveSession(scan).then(() => undefined));
  requireServablePaper(paper, principal.sub);
  const link = await dependencies.uploads.viewUrl(objectKey);
  const read: PaperRead = { sessionId, itemNumber, paperId, by: { sub: principal.sub, roles: principal.roles }, at: now.toISOString(), linkExpiresAt: link.expiresAt };
  // The release and the read it allows in one write; if the session changed meanwhile, the read alone.
  const releasedNow = scan !== undefined && isReleased(paper) && (await writtenUnlessChangedMeanwhile(() => dependencies.repository.saveSessionWithPaperRead(scan, read)));
  if (!releasedNow) await dependencies.repository.recordPaperRead(read);
  return { paper, ...link };
}

/**
 * The public download of a published paper (its OParl File's `accessUrl`): a link valid for minutes, for a public
 * item's attached paper the scanner released. A closed item's paper is unknown here (404), as everywhere public.
 * Nothing is written: a paper still pending is served if the scanner's tag, read now, releases it.
 */
export async function publicPaperLink(dependencies: Pick<PapersDependencies, 'repository' | 'uploads' | 'scannerDeployed'>, fileId: string): Promise<string> {
  const [bodyId, sessionId, number, paperId] = fileId.split('~') as [string, string, string, string];
  const context = await dependencies.repository.bodyContext(bodyId, { sessionId });
  const missing = () => notFound({ ar: 'لا يوجد هذا الملف', fr: "Ce fichier n'existe pas", en: 'This file does not exist' });
  const item = context.session?.agenda.find((candidate) => String(candidate.number) === number);
  const paper = item?.public ? item.papers?.find((candidate) => candidate.id === paperId && candidate.status === 'attached') : undefined;
  if (!paper) throw missing();
  const objectKey = dependencies.uploads.objectKey(sessionId, Number(number), paperId);
  const verdict = paper.scan === 'pending' ? scanVerdict(await dependencies.uploads.scanTag(objectKey), dependencies.scannerDeployed) : undefined;
  const scanned: AgendaPaper = verdict === 'clean' || verdict === 'not-scanned' ? { ...paper, scan: verdict } : verdict === 'withheld' ? { ...paper, scan: 'quarantined' } : paper;
  // The public is no uploader: a paper not released is not served.
  requireServablePaper(scanned, undefined);
  return (await dependencies.uploads.viewUrl(objectKey)).url;
}
