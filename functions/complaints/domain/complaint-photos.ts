// The photos a complainant joins to their complaint (a pothole, a broken lamp): declared first (type, size,
// SHA-256), uploaded straight to storage, then completed: kept only if storage holds exactly the declared bytes and
// their content is a JPEG or a PNG. A photo reaches anyone but its complainant once the malware scanner's tag says
// it is clean; the public only ever gets the copy without its metadata (photo-metadata.ts), made at completion, and
// none at all for a private matter. Each step is a change of the complaint (its version, a history event). Pure.
import { ChecksumMismatchError, DomainError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { contentTypeOf } from '../../shared/files/file-content.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import type { ScanVerdict } from '../../shared/malware-scan.ts';
import { COMPLAINTS_PROBLEMS } from '../complaints.problems.ts';
import { mayRead } from './complaint-access.ts';
import { OPEN_STATUSES, change, type Actor, type Complaint, type ComplaintChange } from './complaint.ts';
import type { PhotoContentType } from './photo-metadata.ts';

/**
 * No text sets them: 10 MiB holds a phone's full-resolution JPEG (3 to 6 MB at 12 megapixels), and 5 photos show
 * a place from enough sides for the unit to find and judge it.
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_COMPLAINT = 5;
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const satisfies readonly PhotoContentType[];

/** `pending` until the scanner's tag is read; released means `clean` or `not-scanned` (no scanner deployed). */
export type PhotoScan = 'pending' | 'clean' | 'not-scanned' | 'quarantined';

export interface ComplaintPhoto {
  readonly id: string;
  readonly contentType: PhotoContentType;
  readonly sizeBytes: number;
  /** Of the photo as uploaded, lower-case hexadecimal. */
  readonly sha256: string;
  readonly declaredAt: string;
  readonly status: 'awaiting-upload' | 'attached';
  readonly attachedAt?: string;
  /** The copy without metadata, made at completion: its SHA-256 and size. */
  readonly publicCopy?: { readonly sha256: string; readonly sizeBytes: number };
  readonly scan: PhotoScan;
  /** The scanner's tag that released or quarantined it, and when it was read. */
  readonly scanResult?: { readonly tag: string; readonly at: string };
}

export type PhotoDeclaration = Pick<ComplaintPhoto, 'id' | 'contentType' | 'sizeBytes' | 'sha256'>;

export class PhotoRefusedError extends DomainError {
  readonly problem = COMPLAINTS_PROBLEMS['photo-refused'];
}

export const photoReleased = (photo: ComplaintPhoto) => photo.scan === 'clean' || photo.scan === 'not-scanned';

/** The scanner's tag on the uploaded photo, if it has put one, and what it means in this deployment. */
export interface PhotoScanReading {
  readonly verdict: ScanVerdict;
  readonly tag?: string;
}

export function photoOf(complaint: Complaint, photoId: string): ComplaintPhoto {
  const photo = complaint.photos?.find((candidate) => candidate.id === photoId);
  if (!photo) throw new NotFoundError({ ar: `لا توجد صورة ${photoId} في الشكاية`, fr: `Aucune photo ${photoId} sur cette réclamation`, en: `No photo ${photoId} on this complaint` });
  return photo;
}

const replaced = (complaint: Complaint, photo: ComplaintPhoto) => (complaint.photos ?? []).map((candidate) => (candidate.id === photo.id ? photo : candidate));

/** Its complainant joins photos while the unit still handles it. */
export function declarePhoto(complaint: Complaint, declaration: PhotoDeclaration, by: Actor, now: Date): ComplaintChange {
  if (!OPEN_STATUSES.includes(complaint.status)) {
    throw new InvalidStateError({
      ar: `لا تضاف صور إلى شكاية في حالة ${complaint.status}`,
      fr: `Une réclamation ${complaint.status} ne prend plus de photos`,
      en: `A complaint ${complaint.status} takes no more photos`,
    });
  }
  const photos = complaint.photos ?? [];
  if (photos.length >= MAX_PHOTOS_PER_COMPLAINT) {
    throw new PhotoRefusedError({
      ar: `للشكاية ${MAX_PHOTOS_PER_COMPLAINT} صور، وهو الحد الأقصى`,
      fr: `La réclamation a déjà ${MAX_PHOTOS_PER_COMPLAINT} photos, le maximum`,
      en: `The complaint has ${MAX_PHOTOS_PER_COMPLAINT} photos already, the most it takes`,
    });
  }
  const photo: ComplaintPhoto = { ...declaration, sha256: declaration.sha256.toLowerCase(), declaredAt: now.toISOString(), status: 'awaiting-upload', scan: 'pending' };
  return change(complaint, { photos: [...photos, photo] }, 'photo-declared', by, now, undefined, { photo: declaration.id, contentType: photo.contentType, sizeBytes: photo.sizeBytes, sha256: photo.sha256 });
}

/** What storage holds under the photo: its digest and size, the content itself when no larger than declared. */
export interface UploadedPhoto {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly content?: Uint8Array;
}

/**
 * Checks the upload against its declaration: the same bytes (SHA-256 and size), a JPEG or PNG by their content, of
 * the declared type. Throws a refusal (the caller removes the object); `undefined` once the photo is attached.
 */
export function checkUploadedPhoto(complaint: Complaint, photoId: string, uploaded: UploadedPhoto | undefined): ComplaintPhoto | undefined {
  const photo = photoOf(complaint, photoId);
  if (photo.status === 'attached') return undefined;
  if (!uploaded) throw new InvalidStateError({ ar: 'لم تُرفع الصورة بعد', fr: "La photo n'est pas encore déposée", en: 'The photo was not uploaded yet' });
  if (uploaded.sha256 !== photo.sha256 || uploaded.sizeBytes !== photo.sizeBytes) {
    throw new ChecksumMismatchError({
      ar: `الصورة المرفوعة (SHA-256 ${uploaded.sha256}، ${uploaded.sizeBytes} بايت) ليست المصرح بها (${photo.sha256}، ${photo.sizeBytes} بايت)؛ حُذفت`,
      fr: `La photo déposée (SHA-256 ${uploaded.sha256}, ${uploaded.sizeBytes} octets) n'est pas celle déclarée (${photo.sha256}, ${photo.sizeBytes} octets) ; elle est supprimée`,
      en: `The uploaded photo (SHA-256 ${uploaded.sha256}, ${uploaded.sizeBytes} bytes) is not the declared one (${photo.sha256}, ${photo.sizeBytes} bytes); it was removed`,
    });
  }
  const found = uploaded.content ? contentTypeOf(uploaded.content) : undefined;
  if (found !== photo.contentType) {
    throw new PhotoRefusedError({
      ar: `محتوى الصورة ليس ${photo.contentType} كما صُرح؛ تقبل صور JPEG وPNG وحدها. حُذفت`,
      fr: `Le contenu de la photo n'est pas ${photo.contentType} comme déclaré ; seules les photos JPEG et PNG sont acceptées. Elle est supprimée`,
      en: `The photo's content is not ${photo.contentType} as declared; only JPEG and PNG photos are taken. It was removed`,
    });
  }
  return photo;
}

/** A photo whose content does not hold together as its format (it cannot be stripped): refused like a wrong type. */
export function malformedPhoto(): PhotoRefusedError {
  return new PhotoRefusedError({
    ar: 'بنية الصورة غير سليمة؛ حُذفت',
    fr: "La structure de l'image n'est pas valide ; elle est supprimée",
    en: 'The image is not well formed; it was removed',
  });
}

function scanned(photo: ComplaintPhoto, { verdict, tag }: PhotoScanReading, now: Date): ComplaintPhoto {
  if (verdict === 'pending' || tag === undefined) return photo;
  return { ...photo, scan: verdict === 'withheld' ? 'quarantined' : verdict, scanResult: { tag, at: now.toISOString() } };
}

/** The checked photo attached, with its public copy's digest and the scan's verdict if the tag is there already. */
export function attachPhoto(complaint: Complaint, photo: ComplaintPhoto, publicCopy: NonNullable<ComplaintPhoto['publicCopy']>, scan: PhotoScanReading, by: Actor, now: Date): ComplaintChange {
  const attached = scanned({ ...photo, status: 'attached', attachedAt: now.toISOString(), publicCopy }, scan, now);
  return change(complaint, { photos: replaced(complaint, attached) }, 'photo-attached', by, now, undefined, { photo: photo.id, scan: attached.scan, publicCopy });
}

/** Records the scanner's verdict on an attached photo not released yet; nothing while it is pending or once recorded. */
export function recordPhotoScan(complaint: Complaint, photoId: string, scan: PhotoScanReading, now: Date): ComplaintChange | undefined {
  const photo = photoOf(complaint, photoId);
  if (scan.verdict === 'pending' || photo.scan !== 'pending' || photo.status !== 'attached') return undefined;
  const result = scanned(photo, scan, now);
  const by: Actor = { sub: 'malware-scan', role: 'system' };
  return change(complaint, { photos: replaced(complaint, result) }, result.scan === 'quarantined' ? 'photo-quarantined' : 'photo-released', by, now, undefined, { photo: photoId, scan: result.scan, tag: scan.tag });
}

/** Who reads a photo as it was taken: its complainant, and the unit of the commune holding the complaint, once attached. */
export function requirePhotoReader(complaint: Complaint, photo: ComplaintPhoto, principal: Principal): void {
  if (!mayRead(complaint, principal)) {
    throw new ForbiddenError({
      ar: 'لا يطلع على صور الشكاية إلا صاحبها والوحدة التي تعالجها',
      fr: "Les photos d'une réclamation ne sont lisibles que par son auteur et la cellule qui la traite",
      en: 'The photos of a complaint are read only by its complainant and the unit handling it',
    });
  }
  if (photo.status !== 'attached') throw new InvalidStateError({ ar: 'لم يكتمل رفع الصورة بعد', fr: "Le dépôt de la photo n'est pas achevé", en: 'The upload of the photo is not completed yet' });
}

/** Served once released, to its complainant before; never once quarantined. */
export function requirePhotoServable(complaint: Complaint, photo: ComplaintPhoto, principal: Principal): void {
  if (photo.scan === 'quarantined') {
    throw new FileQuarantinedError({
      ar: `لم تجتز الصورة فحص البرمجيات الخبيثة (${photo.scanResult?.tag ?? 'غير معروف'})؛ لا تُقدَّم لأحد`,
      fr: `La photo n'a pas passé l'analyse antivirus (${photo.scanResult?.tag ?? 'inconnu'}) ; elle n'est servie à personne`,
      en: `The photo did not pass the malware scan (${photo.scanResult?.tag ?? 'unknown'}); it is served to no one`,
    });
  }
  if (!photoReleased(photo) && complaint.complainant !== principal.sub) {
    throw new FileNotScannedYetError({
      ar: 'لم تُفحص الصورة بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة بعد دقائق',
      fr: "La photo n'a pas encore été analysée par l'antivirus ; réessayez dans quelques minutes",
      en: 'The photo has not been scanned for malware yet; try again in a few minutes',
    });
  }
}

/** The photos the public may see, by their public copy: released ones, of a complaint that is not a private matter. */
export function publicPhotoIds(complaint: Complaint): string[] {
  if (complaint.privateMatter) return [];
  return (complaint.photos ?? []).filter((photo) => photo.status === 'attached' && photoReleased(photo) && photo.publicCopy).map((photo) => photo.id);
}
