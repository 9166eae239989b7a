// A letter's attachments: declared (the upload URL signed with the declared SHA-256), completed (the object read back
// and checked: digest, size, type by its content; refused, it is removed), and read through a short-lived link,
// each read logged. An attachment not released yet is released (or quarantined) when a completion or a read finds
// the malware scanner's tag on it.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { ChecksumMismatchError, writtenUnlessChangedMeanwhile } from '../../shared/errors/domain-errors.ts';
import { scanVerdict } from '../../shared/malware-scan.ts';
import {
  AttachmentRefusedError,
  attacherOf,
  attachmentOf,
  completeAttachment,
  declareAttachment,
  recordAttachmentScan,
  released,
  requireAttachmentReader,
  requireAttachmentReadsReader,
  requireServable,
  type Attachment,
  type AttachmentDeclaration,
  type ScanReading,
  type UploadedContent,
} from '../domain/attachment.ts';
import type { Letter, LetterChange } from '../domain/letter.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

/** Where attachments are stored: one object per declared file, uploaded straight from the client. */
export interface AttachmentStore {
  objectKey(letterId: string, attachmentId: string): string;
  /** A PUT URL that S3 honours only for content of this SHA-256 and type. */
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** The object's digest and size, with its content when at most `keepUpToBytes` long; undefined when nothing was uploaded. */
  contents(objectKey: string, keepUpToBytes: number): Promise<UploadedContent | undefined>;
  /** The malware scanner's tag on the object, undefined while it has none. */
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<{ url: string; expiresAt: string }>;
}

/** One read of an attachment: who, when, and until when the link they were given works. */
export interface AttachmentRead {
  readonly letterId: string;
  readonly attachmentId: string;
  readonly by: { readonly sub: string; readonly roles: readonly string[] };
  readonly at: string;
  readonly linkExpiresAt: string;
}

export interface AttachmentsRepository extends Pick<RegistryOfficeRepository, 'get' | 'save'> {
  recordRead(read: AttachmentRead): Promise<void>;
  /** The reads of a letter's attachments, newest first. */
  reads(letterId: string, page: PageRequest): Promise<Page<AttachmentRead>>;
  /** The change that releases (or quarantines) a file and the read it allowed, together (ConflictError as `save`). */
  saveWithRead(change: LetterChange, read: AttachmentRead): Promise<void>;
}

export interface AttachmentsDependencies {
  readonly repository: AttachmentsRepository;
  readonly store: AttachmentStore;
  readonly newAttachmentId: () => string;
  /** False only where the deployment says no scanner runs (the local platform). */
  readonly scannerDeployed: boolean;
}

async function letterOf(dependencies: AttachmentsDependencies, id: string): Promise<Letter> {
  const letter = await dependencies.repository.get(id);
  if (!letter) throw unknownLetter(id);
  return letter;
}

export interface DeclaredAttachment {
  readonly attachment: Attachment;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}

/** Declares a file for a letter and hands out its upload URL, signed only once the declaration is stored. */
export async function declareLetterAttachment(
  dependencies: AttachmentsDependencies,
  letterId: string,
  file: Omit<AttachmentDeclaration, 'id'>,
  principal: Principal,
  now: Date,
): Promise<DeclaredAttachment> {
  const letter = await letterOf(dependencies, letterId);
  const declaration = { ...file, id: dependencies.newAttachmentId() };
  const change = declareAttachment(letter, declaration, attacherOf(letter, principal), now);
  await dependencies.repository.save(change);
  const attachment = attachmentOf(change.letter, declaration.id);
  const upload = await dependencies.store.uploadUrl(dependencies.store.objectKey(letterId, attachment.id), attachment.sha256, attachment.contentType);
  return { attachment, upload: { method: 'PUT', ...upload } };
}

async function scanReading(dependencies: AttachmentsDependencies, objectKey: string): Promise<ScanReading> {
  const tag = await dependencies.store.scanTag(objectKey);
  return { verdict: scanVerdict(tag, dependencies.scannerDeployed), ...(tag !== undefined && { tag }) };
}

/**
 * The uploader says the file is uploaded: it is attached only if storage holds the declared bytes, of the declared
 * type by their content; otherwise the object is removed and the letter stays as it was.
 */
export async function completeLetterAttachment(dependencies: AttachmentsDependencies, letterId: string, attachmentId: string, principal: Principal, now: Date): Promise<Attachment> {
  const letter = await letterOf(dependencies, letterId);
  const attachment = attachmentOf(letter, attachmentId);
  const objectKey = dependencies.store.objectKey(letterId, attachmentId);
  const awaited = attachment.status === 'awaiting-upload' && attachment.declaredBy.sub === principal.sub;
  // Held whole only up to the declared size: a larger object is refused by its size alone.
  const uploaded = awaited ? await dependencies.store.contents(objectKey, attachment.sizeBytes) : undefined;
  const scan: ScanReading = uploaded ? await scanReading(dependencies, objectKey) : { verdict: 'pending' };
  let change;
  try {
    change = completeAttachment(letter, attachmentId, uploaded, scan, principal, now);
  } catch (error) {
    if (error instanceof ChecksumMismatchError || error instanceof AttachmentRefusedError) await dependencies.store.discard(objectKey);
    throw error;
  }
  if (!change) return attachment;
  await dependencies.repository.save(change);
  return attachmentOf(change.letter, attachmentId);
}

/**
 * A short-lived link to an attachment, for those who may read the letter once it is released (its uploader as soon
 * as it is attached); the read is logged. While it is not released, the scanner's tag is read first.
 */
export async function readLetterAttachment(
  dependencies: AttachmentsDependencies,
  letterId: string,
  attachmentId: string,
  principal: Principal,
  now: Date,
): Promise<{ attachment: Attachment; url: string; expiresAt: string }> {
  const stored = await letterOf(dependencies, letterId);
  const before = attachmentOf(stored, attachmentId);
  // Who may not read it learns nothing of its scan, and costs no read of the tag.
  requireAttachmentReader(stored, before, principal);
  const objectKey = dependencies.store.objectKey(letterId, attachmentId);
  const scan = before.scan === 'pending' ? recordAttachmentScan(stored, attachmentId, await scanReading(dependencies, objectKey), now) : undefined;
  const attachment = scan ? attachmentOf(scan.letter, attachmentId) : before;
  if (scan && attachment.scan === 'quarantined') await writtenUnlessChangedMeanwhile(() => dependencies.repository.save(scan));
  requireServable(attachment, principal);
  const link = await dependencies.store.viewUrl(objectKey);
  const read: AttachmentRead = { letterId, attachmentId, by: { sub: principal.sub, roles: principal.roles }, at: now.toISOString(), linkExpiresAt: link.expiresAt };
  // The release and the read it allows in one write; if the letter changed meanwhile, the read alone.
  const releasedNow = scan !== undefined && released(attachment) && (await writtenUnlessChangedMeanwhile(() => dependencies.repository.saveWithRead(scan, read)));
  if (!releasedNow) await dependencies.repository.recordRead(read);
  return { attachment, ...link };
}

/** Who was handed a link to which of the letter's attachments, and when, newest first. */
export async function letterAttachmentReads(repository: Pick<AttachmentsRepository, 'get' | 'reads'>, letterId: string, principal: Principal, page: PageRequest): Promise<Page<AttachmentRead>> {
  const letter = await repository.get(letterId);
  if (!letter) throw unknownLetter(letterId);
  requireAttachmentReadsReader(letter, principal);
  return repository.reads(letterId, page);
}
