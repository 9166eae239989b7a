// A complaint's photos: declared (the upload URL signed with the declared SHA-256), completed (the upload read back
// and checked, its copy without metadata stored beside it for the public; refused, it is removed), and read by its
// complainant and unit through a short-lived link, each read logged. A photo not released yet is released (or
// quarantined) when a completion or a read finds the malware scanner's tag on it.
import { createHash } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, writtenUnlessChangedMeanwhile } from '../../shared/errors/domain-errors.ts';
import { scanVerdict } from '../../shared/malware-scan.ts';
import { complainantOf } from '../domain/complaint-access.ts';
import {
  PhotoRefusedError,
  attachPhoto,
  checkUploadedPhoto,
  declarePhoto,
  malformedPhoto,
  photoOf,
  photoReleased,
  recordPhotoScan,
  requirePhotoReader,
  requirePhotoServable,
  type ComplaintPhoto,
  type PhotoDeclaration,
  type PhotoScanReading,
  type UploadedPhoto,
} from '../domain/complaint-photos.ts';
import type { Complaint } from '../domain/complaint.ts';
import { unknownComplaint } from '../domain/complaints-errors.ts';
import { MalformedImageError, photoWithoutMetadata } from '../domain/photo-metadata.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';

/** Where photos are kept: the photo as uploaded (`original`) and its copy without metadata (`public`). */
export interface PhotoStore {
  objectKey(complaintId: string, photoId: string, copy: 'original' | 'public'): string;
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  contents(objectKey: string, keepUpToBytes: number): Promise<UploadedPhoto | undefined>;
  putVerified(objectKey: string, body: Uint8Array, sha256Hex: string, contentType: string): Promise<void>;
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<{ url: string; expiresAt: string }>;
}

/** One read of a photo as it was taken: who, when, and until when their link works. */
export interface PhotoRead {
  readonly complaintId: string;
  readonly photoId: string;
  readonly by: { readonly sub: string; readonly roles: readonly string[] };
  readonly at: string;
  readonly linkExpiresAt: string;
}

export interface PhotosDependencies {
  readonly repository: Pick<ComplaintsRepository, 'get' | 'save' | 'recordPhotoRead' | 'saveWithPhotoRead'>;
  readonly store: PhotoStore;
  readonly newPhotoId: () => string;
  /** False only where the deployment says no scanner runs (the local platform). */
  readonly scannerDeployed: boolean;
}

async function complaintOf(dependencies: PhotosDependencies, id: string): Promise<Complaint> {
  const complaint = await dependencies.repository.get(id);
  if (!complaint) throw unknownComplaint(id);
  return complaint;
}

async function scanReading(dependencies: PhotosDependencies, objectKey: string): Promise<PhotoScanReading> {
  const tag = await dependencies.store.scanTag(objectKey);
  return { verdict: scanVerdict(tag, dependencies.scannerDeployed), ...(tag !== undefined && { tag }) };
}

export interface DeclaredPhoto {
  readonly photo: ComplaintPhoto;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}

/** Declares a photo and hands out its upload URL, signed only once the declaration is stored. */
export async function declareComplaintPhoto(dependencies: PhotosDependencies, complaintId: string, file: Omit<PhotoDeclaration, 'id'>, principal: Principal, now: Date): Promise<DeclaredPhoto> {
  const complaint = await complaintOf(dependencies, complaintId);
  const declaration = { ...file, id: dependencies.newPhotoId() };
  const made = declarePhoto(complaint, declaration, complainantOf(complaint, principal), now);
  await dependencies.repository.save(made);
  const photo = photoOf(made.complaint, declaration.id);
  const upload = await dependencies.store.uploadUrl(dependencies.store.objectKey(complaintId, photo.id, 'original'), photo.sha256, photo.contentType);
  return { photo, upload: { method: 'PUT', ...upload } };
}

/**
 * The complainant says the photo is uploaded: it is attached only if storage holds the declared bytes, a JPEG or PNG
 * of the declared type, and its copy without metadata is stored first; otherwise the upload is removed and the
 * complaint stays as it was. Completing an attached photo again reads the scanner's tag if it was not read yet.
 */
export async function completeComplaintPhoto(dependencies: PhotosDependencies, complaintId: string, photoId: string, principal: Principal, now: Date): Promise<ComplaintPhoto> {
  const complaint = await complaintOf(dependencies, complaintId);
  const by = complainantOf(complaint, principal);
  const original = dependencies.store.objectKey(complaintId, photoId, 'original');
  const declared = photoOf(complaint, photoId);
  if (declared.status === 'attached') {
    const scan = declared.scan === 'pending' ? recordPhotoScan(complaint, photoId, await scanReading(dependencies, original), now) : undefined;
    if (!scan) return declared;
    await dependencies.repository.save(scan);
    return photoOf(scan.complaint, photoId);
  }
  // Held whole only up to the declared size: a larger object is refused by its size alone.
  const uploaded = await dependencies.store.contents(original, declared.sizeBytes);
  let photo: ComplaintPhoto;
  let publicCopy: Uint8Array;
  try {
    photo = checkUploadedPhoto(complaint, photoId, uploaded)!;
    publicCopy = strippedOrRefused(uploaded!.content!, photo);
  } catch (error) {
    if (error instanceof ChecksumMismatchError || error instanceof PhotoRefusedError) await dependencies.store.discard(original);
    throw error;
  }
  const digest = createHash('sha256').update(publicCopy).digest('hex');
  const publicKey = dependencies.store.objectKey(complaintId, photoId, 'public');
  await dependencies.store.putVerified(publicKey, publicCopy, digest, photo.contentType);
  const made = attachPhoto(complaint, photo, { sha256: digest, sizeBytes: publicCopy.length }, await scanReading(dependencies, original), by, now);
  try {
    await dependencies.repository.save(made);
  } catch (error) {
    // Not attached (someone changed the complaint meanwhile): no copy is left that no record names; a retry makes it again.
    await dependencies.store.discard(publicKey);
    throw error;
  }
  return photoOf(made.complaint, photoId);
}

function strippedOrRefused(content: Uint8Array, photo: ComplaintPhoto): Uint8Array {
  try {
    return photoWithoutMetadata(content, photo.contentType);
  } catch (error) {
    if (error instanceof MalformedImageError) throw malformedPhoto();
    throw error;
  }
}

/**
 * A short-lived link to the photo as it was taken, for its complainant and the unit holding the complaint, once
 * released (its complainant as soon as it is attached); the read is logged. While it is not released, the scanner's
 * tag is read first and its verdict recorded.
 */
export async function readComplaintPhoto(dependencies: PhotosDependencies, complaintId: string, photoId: string, principal: Principal, now: Date): Promise<{ photo: ComplaintPhoto; url: string; expiresAt: string }> {
  const stored = await complaintOf(dependencies, complaintId);
  const before = photoOf(stored, photoId);
  requirePhotoReader(stored, before, principal);
  const original = dependencies.store.objectKey(complaintId, photoId, 'original');
  const scan = before.scan === 'pending' ? recordPhotoScan(stored, photoId, await scanReading(dependencies, original), now) : undefined;
  const photo = scan ? photoOf(scan.complaint, photoId) : before;
  if (scan && photo.scan === 'quarantined') await writtenUnlessChangedMeanwhile(() => dependencies.repository.save(scan));
  requirePhotoServable(stored, photo, principal);
  const link = await dependencies.store.viewUrl(original);
  const read: PhotoRead = { complaintId, photoId, by: { sub: principal.sub, roles: principal.roles }, at: now.toISOString(), linkExpiresAt: link.expiresAt };
  // The release and the read it allows in one write; if the complaint changed meanwhile, the read alone (the tag
  // still holds, and the next read records the release).
  const releasedNow = scan !== undefined && photoReleased(photo) && (await writtenUnlessChangedMeanwhile(() => dependencies.repository.saveWithPhotoRead(scan, read)));
  if (!releasedNow) await dependencies.repository.recordPhotoRead(read);
  return { photo, ...link };
}
