// The files attached to a letter: a citizen attaches to the letter they lodged online, a clerk attaches scans to the
// letters of their commune. Each is declared first (name, type, size, SHA-256), uploaded, then completed: it is
// attached only if storage holds exactly what was declared and its content is of the declared type. It is released
// to readers other than its uploader once the malware scanner's tag says it is clean. Every step is a change of the
// letter (its version, a history event), so the letter's record says what is attached. Pure.
import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { isReleased, refuseUploadMismatch, withScanReading, type DeclaredFile, type FileScan, type ScanReading, type UploadedContent } from '../../shared/files/declared-file.ts';
import { REGISTRY_OFFICE_PROBLEMS } from '../registry-office.problems.ts';
import { lodgedItOnline, mayRead, ofCommune } from './letter-access.ts';
import { change, type Actor, type Letter, type LetterChange, type LetterStatus } from './letter.ts';

/**
 * Limits of what a letter carries. No legal text sets them: 20 MiB leaves room for a scanned file of several dozen
 * pages (a compressed greyscale A4 page at 200 dpi takes a few hundred KB), and 10 files for a letter and the
 * documents joined to it.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_LETTER = 10;

/** As every declared file's (`functions/shared/files/declared-file.ts`). */
export type AttachmentScan = FileScan;

export interface Attachment extends DeclaredFile<Actor> {
  /** `awaiting-upload` until its completion finds the declared content in storage. */
  readonly status: 'awaiting-upload' | 'attached';
  readonly attachedAt?: string;
}

export type AttachmentDeclaration = Pick<Attachment, 'id' | 'name' | 'contentType' | 'sizeBytes' | 'sha256'>;

/** A letter takes attachments from its registration until it is closed or cancelled. */
const ATTACHING_STATUSES: readonly LetterStatus[] = ['registered', 'assigned', 'answered'];

export class AttachmentRefusedError extends DomainError {
  readonly problem = REGISTRY_OFFICE_PROBLEMS['attachment-refused'];
}

export const released: (attachment: Attachment) => boolean = isReleased;

export type { ScanReading, UploadedContent };

/** Who attaches to a letter: the citizen who lodged it online, or a clerk of its commune. */
export function attacherOf(letter: Letter, principal: Principal): Actor {
  if (ofCommune(principal, letter.commune, 'clerk')) return { sub: principal.sub, role: 'clerk' };
  if (lodgedItOnline(letter, principal)) return { sub: principal.sub, role: 'citizen' };
  throw new ForbiddenError({
    ar: `لا يرفق ملفات بالرسالة ${letter.number} إلا من أودعها أو مكتب الضبط`,
    fr: `Seuls l'auteur du courrier ${letter.number} et le bureau d'ordre y joignent des fichiers`,
    en: `Only the sender who lodged letter ${letter.number} and the registry office attach files to it`,
  });
}

/** Declares a file to upload (a retry of the request gets its first answer: the route keeps idempotency records). */
export function declareAttachment(letter: Letter, declaration: AttachmentDeclaration, by: Actor, now: Date): LetterChange {
  const attachments = letter.attachments ?? [];
  if (!ATTACHING_STATUSES.includes(letter.status)) {
    throw new InvalidStateError({
      ar: `لا تُرفق ملفات برسالة ${letter.status === 'closed' ? 'محفوظة' : 'ملغاة'} (${letter.number})`,
      fr: `Un courrier ${letter.status === 'closed' ? 'clos' : 'annulé'} (${letter.number}) ne prend plus de pièces jointes`,
      en: `A ${letter.status} letter (${letter.number}) takes no more attachments`,
    });
  }
  if (attachments.length >= MAX_ATTACHMENTS_PER_LETTER) {
    throw new AttachmentRefusedError({
      ar: `للرسالة ${letter.number} ${MAX_ATTACHMENTS_PER_LETTER} ملفات مرفقة، وهو الحد الأقصى`,
      fr: `Le courrier ${letter.number} a déjà ${MAX_ATTACHMENTS_PER_LETTER} pièces jointes, le maximum`,
      en: `Letter ${letter.number} has ${MAX_ATTACHMENTS_PER_LETTER} attachments already, the most it takes`,
    });
  }
  const attachment: Attachment = { ...declaration, sha256: declaration.sha256.toLowerCase(), declaredAt: now.toISOString(), declaredBy: by, status: 'awaiting-upload', scan: 'pending' };
  return change(letter, { attachments: [...attachments, attachment] }, 'attachment-declared', by, now, {
    attachment: { id: attachment.id, name: attachment.name, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
  });
}

export function attachmentOf(letter: Letter, attachmentId: string): Attachment {
  const attachment = letter.attachments?.find((candidate) => candidate.id === attachmentId);
  if (!attachment) {
    throw new NotFoundError({ ar: `لا يوجد ملف مرفق ${attachmentId} بالرسالة ${letter.number}`, fr: `Aucune pièce jointe ${attachmentId} au courrier ${letter.number}`, en: `No attachment ${attachmentId} on letter ${letter.number}` });
  }
  return attachment;
}

/** The types a letter's attachment may be, said in a refusal of another content. */
const ACCEPTED_TYPES = {
  ar: 'تقبل ملفات PDF وPNG وJPEG وTIFF وDOCX وODT وحدها',
  fr: 'seuls les fichiers PDF, PNG, JPEG, TIFF, DOCX et ODT sont acceptés',
  en: 'only PDF, PNG, JPEG, TIFF, DOCX and ODT files are taken',
};

/**
 * Attaches a declared file once it is uploaded: storage must hold exactly the declared bytes (SHA-256 and size)
 * and the content must be of the declared type. A refusal throws (the caller discards the object); completing
 * again an attached file changes nothing. `scan` is the scanner's verdict if it has tagged the object already.
 */
export function completeAttachment(letter: Letter, attachmentId: string, uploaded: UploadedContent | undefined, scan: ScanReading, principal: Principal, now: Date): LetterChange | undefined {
  const attachment = attachmentOf(letter, attachmentId);
  if (attachment.declaredBy.sub !== principal.sub) {
    throw new ForbiddenError({ ar: 'لا يكمل رفع الملف إلا من صرح به', fr: "Seul l'auteur de la déclaration achève le dépôt du fichier", en: 'Only whoever declared the file completes its upload' });
  }
  if (attachment.status === 'attached') return undefined;
  refuseUploadMismatch(attachment, uploaded, (message) => new AttachmentRefusedError(message), ACCEPTED_TYPES);
  const attached = scanned({ ...attachment, status: 'attached', attachedAt: now.toISOString() }, scan, now);
  return change(letter, { attachments: replaced(letter, attached) }, 'attached', attachment.declaredBy, now, {
    attachment: { id: attachmentId, name: attachment.name, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
    scan: attached.scan,
  });
}

const scanned = withScanReading<Attachment>;

const replaced = (letter: Letter, attachment: Attachment) => (letter.attachments ?? []).map((candidate) => (candidate.id === attachment.id ? attachment : candidate));

/**
 * Records the scanner's verdict on an attached file not released yet: released (`clean`, `not-scanned`) or
 * quarantined. Nothing while it is pending or once recorded.
 */
export function recordAttachmentScan(letter: Letter, attachmentId: string, scan: ScanReading, now: Date): LetterChange | undefined {
  const attachment = attachmentOf(letter, attachmentId);
  if (scan.verdict === 'pending' || attachment.scan !== 'pending' || attachment.status !== 'attached') return undefined;
  const result = scanned(attachment, scan, now);
  const by: Actor = { sub: 'malware-scan', role: 'system' };
  return change(letter, { attachments: replaced(letter, result) }, result.scan === 'quarantined' ? 'attachment-quarantined' : 'attachment-released', by, now, {
    attachmentId,
    scan: result.scan,
    tag: scan.tag,
  });
}

/**
 * Who may read a file of the letter: those who may read the letter (a confidential one's list, see letter-access.ts);
 * once it is attached.
 */
export function requireAttachmentReader(letter: Letter, attachment: Attachment, principal: Principal): void {
  if (!mayRead(letter, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على مرفقات الرسالة ${letter.number} إلا من يحق له الاطلاع عليها`,
      fr: `Les pièces jointes du courrier ${letter.number} ne sont lisibles que par ceux qui peuvent le lire`,
      en: `The attachments of letter ${letter.number} are read only by those who may read it`,
    });
  }
  if (attachment.status !== 'attached') {
    throw new InvalidStateError({ ar: `لم يكتمل رفع «${attachment.name}» بعد`, fr: `Le dépôt de « ${attachment.name} » n'est pas achevé`, en: `The upload of “${attachment.name}” is not completed yet` });
  }
}

/** Whether the file is served to this reader now: once released, to its uploader before; never once quarantined. */
export function requireServable(attachment: Attachment, principal: Principal): void {
  if (attachment.scan === 'quarantined') {
    throw new FileQuarantinedError({
      ar: `لم يجتز «${attachment.name}» فحص البرمجيات الخبيثة (${attachment.scanResult?.tag ?? 'غير معروف'})؛ لا يُقدَّم لأحد`,
      fr: `« ${attachment.name} » n'a pas passé l'analyse antivirus (${attachment.scanResult?.tag ?? 'inconnu'}) ; il n'est servi à personne`,
      en: `“${attachment.name}” did not pass the malware scan (${attachment.scanResult?.tag ?? 'unknown'}); it is served to no one`,
    });
  }
  if (!released(attachment) && attachment.declaredBy.sub !== principal.sub) {
    throw new FileNotScannedYetError({
      ar: `لم يُفحص «${attachment.name}» بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة بعد دقائق`,
      fr: `« ${attachment.name} » n'a pas encore été analysé par l'antivirus ; réessayez dans quelques minutes`,
      en: `“${attachment.name}” has not been scanned for malware yet; try again in a few minutes`,
    });
  }
}

/** Who sees who read a letter's attachments: the registry office of its commune, auditors, and the citizen who lodged it. */
export function requireAttachmentReadsReader(letter: Letter, principal: Principal): void {
  if (principal.roles.includes('auditor') || ofCommune(principal, letter.commune, 'clerk') || lodgedItOnline(letter, principal)) return;
  throw new ForbiddenError({
    ar: `لا يطلع على سجل قراءة مرفقات الرسالة ${letter.number} إلا مكتب الضبط والمراقبون ومن أودعها`,
    fr: `Le journal des lectures des pièces jointes du courrier ${letter.number} n'est lisible que par le bureau d'ordre, les auditeurs et son expéditeur`,
    en: `Who read the attachments of letter ${letter.number} is shown only to the registry office, the auditors and its sender`,
  });
}
