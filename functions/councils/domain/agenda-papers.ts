// The papers of an agenda item (the draft budget, a convention, a report): declared by the secretariat (name, type,
// size, SHA-256), uploaded straight to storage, and counted only once storage holds exactly the declared bytes of
// the declared type. Members, the secretariat and the governor read them once the malware scanner's tag releases
// them; a public item's papers are published (OParl `File`), a closed item's never. Each step is a change of the
// session (its version, a history event), so the session says what each item carries. Pure.
import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { isReleased, refuseUploadMismatch, withScanReading, type DeclaredFile, type ScanReading, type UploadedContent } from '../../shared/files/declared-file.ts';
import { COUNCILS_PROBLEMS } from '../councils.problems.ts';
import { invalidState } from './council-errors.ts';
import { changed, type Actor, type AgendaItem, type Session, type SessionChange } from './session.ts';

/**
 * No text sets them: 20 MiB holds a scanned report of several dozen pages (as a registry letter's attachment), and
 * 10 papers an item with its annexes.
 */
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;
export const MAX_PAPERS_PER_ITEM = 10;

export interface AgendaPaper extends DeclaredFile<Actor> {
  /** `awaiting-upload` until its completion finds the declared content in storage; only an attached paper counts. */
  readonly status: 'awaiting-upload' | 'attached';
  readonly attachedAt?: string;
}

export type PaperDeclaration = Pick<AgendaPaper, 'id' | 'name' | 'contentType' | 'sizeBytes' | 'sha256'>;

export class PaperRefusedError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['paper-refused'];
}

export type { ScanReading, UploadedContent };

function itemOf(session: Session, number: number): AgendaItem {
  const item = session.agenda.find((candidate) => candidate.number === number);
  if (!item) throw new NotFoundError({ ar: `لا نقطة ${number} في جدول الأعمال`, fr: `Pas de point ${number} à l'ordre du jour`, en: `No item ${number} on the agenda` });
  return item;
}

export function paperOf(session: Session, number: number, paperId: string): { item: AgendaItem; paper: AgendaPaper } {
  const item = itemOf(session, number);
  const paper = item.papers?.find((candidate) => candidate.id === paperId);
  if (!paper) throw new NotFoundError({ ar: `لا وثيقة ${paperId} في النقطة ${number}`, fr: `Aucun document ${paperId} au point ${number}`, en: `No paper ${paperId} on item ${number}` });
  return { item, paper };
}

function withPaper(session: Session, number: number, paper: AgendaPaper): Session['agenda'] {
  return session.agenda.map((item) => {
    if (item.number !== number) return item;
    const papers = item.papers ?? [];
    const replaced = papers.some((candidate) => candidate.id === paper.id) ? papers.map((candidate) => (candidate.id === paper.id ? paper : candidate)) : [...papers, paper];
    return { ...item, papers: replaced };
  });
}

/**
 * Declares a paper of item `number` (a retry of the request gets its first answer: the route keeps idempotency
 * records). Papers join an item until the session is closed: the convocation lists those attached when it is sent.
 */
export function declarePaper(session: Session, number: number, declaration: PaperDeclaration, by: Actor, now: Date): SessionChange {
  if (session.status === 'closed') throw invalidState({ ar: 'أغلقت الدورة: لا تضاف إليها وثائق', fr: 'La session est close : elle ne prend plus de documents', en: 'The session is closed: it takes no more papers' });
  const item = itemOf(session, number);
  if ((item.papers ?? []).length >= MAX_PAPERS_PER_ITEM) {
    throw new PaperRefusedError({
      ar: `للنقطة ${number} ${MAX_PAPERS_PER_ITEM} وثائق، وهو الحد الأقصى`,
      fr: `Le point ${number} a déjà ${MAX_PAPERS_PER_ITEM} documents, le maximum`,
      en: `Item ${number} has ${MAX_PAPERS_PER_ITEM} papers already, the most it takes`,
    });
  }
  const paper: AgendaPaper = { ...declaration, sha256: declaration.sha256.toLowerCase(), declaredAt: now.toISOString(), declaredBy: by, status: 'awaiting-upload', scan: 'pending' };
  return changed(session, 'paper-declared', by, now, { agenda: withPaper(session, number, paper) });
}

/**
 * Attaches a declared paper once uploaded: storage must hold exactly the declared bytes (SHA-256 and size) of the
 * declared type. A refusal throws (the caller discards the object); completing an attached paper again changes
 * nothing (undefined). `scan` is the scanner's verdict if it tagged the object already.
 */
export function completePaper(session: Session, number: number, paperId: string, uploaded: UploadedContent | undefined, scan: ScanReading, principal: Principal, now: Date): SessionChange | undefined {
  const { paper } = paperOf(session, number, paperId);
  if (paper.declaredBy.sub !== principal.sub) {
    throw new ForbiddenError({ ar: 'لا يكمل رفع الوثيقة إلا من صرح بها', fr: "Seul l'auteur de la déclaration achève le dépôt du document", en: 'Only whoever declared the paper completes its upload' });
  }
  if (paper.status === 'attached') return undefined;
  refuseUploadMismatch(paper, uploaded, (message) => new PaperRefusedError(message));
  const attached = withScanReading<AgendaPaper>({ ...paper, status: 'attached', attachedAt: now.toISOString() }, scan, now);
  return changed(session, 'paper-attached', paper.declaredBy, now, { agenda: withPaper(session, number, attached) });
}

/** Records the scanner's verdict on an attached paper not released yet; nothing while it is pending or once recorded. */
export function recordPaperScan(session: Session, number: number, paperId: string, scan: ScanReading, now: Date): SessionChange | undefined {
  const { paper } = paperOf(session, number, paperId);
  if (scan.verdict === 'pending' || paper.scan !== 'pending' || paper.status !== 'attached') return undefined;
  const result = withScanReading(paper, scan, now);
  const by: Actor = { sub: 'malware-scan', role: 'system' };
  return changed(session, result.scan === 'quarantined' ? 'paper-quarantined' : 'paper-released', by, now, { agenda: withPaper(session, number, result) });
}

/** A paper is read once attached, and once released by the scanner (by its uploader before); never once quarantined. */
export function requireServablePaper(paper: AgendaPaper, readerSub: string | undefined): void {
  if (paper.status !== 'attached') {
    throw invalidState({ ar: `لم يكتمل رفع «${paper.name}» بعد`, fr: `Le dépôt de « ${paper.name} » n'est pas achevé`, en: `The upload of “${paper.name}” is not completed yet` });
  }
  if (paper.scan === 'quarantined') {
    throw new FileQuarantinedError({
      ar: `لم تجتز «${paper.name}» فحص البرمجيات الخبيثة (${paper.scanResult?.tag ?? 'غير معروف'})؛ لا تُقدَّم لأحد`,
      fr: `« ${paper.name} » n'a pas passé l'analyse antivirus (${paper.scanResult?.tag ?? 'inconnu'}) ; il n'est servi à personne`,
      en: `“${paper.name}” did not pass the malware scan (${paper.scanResult?.tag ?? 'unknown'}); it is served to no one`,
    });
  }
  if (!isReleased(paper) && paper.declaredBy.sub !== readerSub) {
    throw new FileNotScannedYetError({
      ar: `لم تُفحص «${paper.name}» بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة بعد دقائق`,
      fr: `« ${paper.name} » n'a pas encore été analysé par l'antivirus ; réessayez dans quelques minutes`,
      en: `“${paper.name}” has not been scanned for malware yet; try again in a few minutes`,
    });
  }
}

/** The papers of an item that count: attached, and not quarantined. */
export const attachedPapers = (item: AgendaItem): AgendaPaper[] => (item.papers ?? []).filter((paper) => paper.status === 'attached' && paper.scan !== 'quarantined');

/** What the public may know of: the attached papers of a public item; a closed item's papers are never published. */
export const publishedPapers = (item: AgendaItem): AgendaPaper[] => (item.public ? attachedPapers(item) : []);

/** The papers a convocation lists: each attached paper of each item, by its digest (what the member will be handed). */
export function convocationPapers(session: Pick<Session, 'agenda'>): ConvocationPaper[] {
  return session.agenda.flatMap((item) => attachedPapers(item).map((paper) => ({ item: item.number, id: paper.id, name: paper.name, contentType: paper.contentType, sizeBytes: paper.sizeBytes, sha256: paper.sha256 })));
}

export interface ConvocationPaper extends Pick<AgendaPaper, 'id' | 'name' | 'contentType' | 'sizeBytes' | 'sha256'> {
  readonly item: number;
}
