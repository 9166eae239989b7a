// A complaint's photos through their use cases, with storage and the complaints in memory: declared by its
// complainant only, refused (and removed) when the upload is not the declared bytes or not a JPEG or PNG, attached
// with a copy without metadata beside them, released by the scanner's tag, read as taken by the complainant and
// the unit (each read logged), shown to the public by their copy only and never for a private matter.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { completeComplaintPhoto, declareComplaintPhoto, readComplaintPhoto, type PhotoRead, type PhotosDependencies } from '../../../functions/complaints/application/complaint-photos.use-cases.ts';
import { MAX_PHOTOS_PER_COMPLAINT, PhotoRefusedError, publicPhotoIds } from '../../../functions/complaints/domain/complaint-photos.ts';
import { fileComplaint, type Complaint, type ComplaintChange } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ChecksumMismatchError, ConflictError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { MINIMAL_PDF } from '../../fixtures/attachment-files.ts';
import { PLAIN_JPEG, holdsGpsExif, jpegWithGps } from '../../fixtures/photo-files.ts';
import { RULES } from './complaint-fixtures.ts';

const now = new Date('2026-06-01T09:15:42.000Z');
const complainant: Principal = { sub: 'citizen-1', roles: ['citizen'] } as Principal;
const otherCitizen: Principal = { sub: 'citizen-2', roles: ['citizen'] } as Principal;
const officer: Principal = { sub: 'officer-1', roles: ['complaints-officer'], commune: 'rabat' } as Principal;
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const photo = jpegWithGps(34.0209, -6.8416);

function complaintIn(category: string): Complaint {
  const found = DEFAULT_CATEGORIES.find((candidate) => candidate.code === category)!;
  return fileComplaint({ id: 'c-1', commune: 'rabat', kind: 'reclamation', category, text: 'Nid-de-poule', channel: 'online', complainant: 'citizen-1' }, { category: found, rules: RULES }, now, new Set(), { sub: 'citizen-1', role: 'citizen' }, now).complaint;
}

function world(complaint: Complaint) {
  const objects = new Map<string, Uint8Array>();
  const tags = new Map<string, string>();
  const reads: PhotoRead[] = [];
  let stored = complaint;
  let photoCount = 0;
  const dependencies: PhotosDependencies = {
    repository: {
      get: async () => stored,
      save: async (change: ComplaintChange) => {
        stored = change.complaint;
      },
      recordPhotoRead: async (read) => {
        reads.push(read);
      },
      saveWithPhotoRead: async (change, read) => {
        stored = change.complaint;
        reads.push(read);
      },
    },
    store: {
      objectKey: (complaintId, photoId, copy) => `${complaintId}/${photoId}/${copy}`,
      uploadUrl: async (key, sha) => ({ url: `https://photos.example/${key}`, headers: { 'x-amz-checksum-sha256': sha }, expiresAt: '2026-06-01T09:30:42.000Z' }),
      contents: async (key, keepUpTo) => {
        const content = objects.get(key);
        return content && { sha256: sha256(content), sizeBytes: content.length, ...(content.length <= keepUpTo && { content }) };
      },
      putVerified: async (key, body, sha) => {
        expect(sha256(body)).toBe(sha);
        objects.set(key, body);
      },
      scanTag: async (key) => tags.get(key),
      discard: async (key) => {
        objects.delete(key);
      },
      viewUrl: async (key) => ({ url: `https://photos.example/${key}?signed`, expiresAt: '2026-06-01T09:20:42.000Z' }),
    },
    newPhotoId: () => `p-${++photoCount}`,
    scannerDeployed: true,
  };
  return { dependencies, objects, tags, reads, stored: () => stored };
}

describe('the photos of a complaint', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world(complaintIn('voirie'));
  });

  const declared = () => declareComplaintPhoto(w.dependencies, 'c-1', { contentType: 'image/jpeg', sizeBytes: photo.length, sha256: sha256(photo) }, complainant, now);

  it('are declared by the complainant alone, the upload URL signed with the declared SHA-256, and at most five', async () => {
    const { photo: declaredPhoto, upload } = await declared();
    expect(declaredPhoto).toMatchObject({ id: 'p-1', status: 'awaiting-upload', scan: 'pending' });
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'x-amz-checksum-sha256': sha256(photo) } });
    await expect(declareComplaintPhoto(w.dependencies, 'c-1', { contentType: 'image/png', sizeBytes: 10, sha256: 'a'.repeat(64) }, otherCitizen, now)).rejects.toThrow(ForbiddenError);
    for (let count = 1; count < MAX_PHOTOS_PER_COMPLAINT; count += 1) await declared();
    await expect(declared()).rejects.toThrow(PhotoRefusedError);
  });

  it('are attached with a copy without metadata once the declared JPEG is uploaded, released by a clean tag, and read as taken by the unit, each read logged', async () => {
    const { photo: { id } } = await declared();
    await expect(completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).rejects.toThrow(InvalidStateError);
    w.objects.set(`c-1/${id}/original`, photo);

    const attached = await completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now);

    expect(attached).toMatchObject({ status: 'attached', scan: 'pending', publicCopy: { sha256: sha256(PLAIN_JPEG), sizeBytes: PLAIN_JPEG.length } });
    expect(holdsGpsExif(w.objects.get(`c-1/${id}/public`)!)).toBe(false);
    expect(publicPhotoIds(w.stored())).toEqual([]);
    await expect(readComplaintPhoto(w.dependencies, 'c-1', id, officer, now)).rejects.toThrow(FileNotScannedYetError);
    expect((await readComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).url).toBe(`https://photos.example/c-1/${id}/original?signed`);

    w.tags.set(`c-1/${id}/original`, 'NO_THREATS_FOUND');
    const read = await readComplaintPhoto(w.dependencies, 'c-1', id, officer, now);

    expect(read.photo).toMatchObject({ scan: 'clean', scanResult: { tag: 'NO_THREATS_FOUND' } });
    expect(publicPhotoIds(w.stored())).toEqual([id]);
    expect(w.reads.map((logged) => logged.by.sub)).toEqual(['citizen-1', 'officer-1']);
    await expect(readComplaintPhoto(w.dependencies, 'c-1', id, otherCitizen, now)).rejects.toThrow(ForbiddenError);
  });

  it('are released by completing them again once the scanner has tagged them, and never served once quarantined', async () => {
    const { photo: { id } } = await declared();
    w.objects.set(`c-1/${id}/original`, photo);
    await completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now);
    w.tags.set(`c-1/${id}/original`, 'THREATS_FOUND');

    expect(await completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).toMatchObject({ scan: 'quarantined' });
    await expect(readComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).rejects.toThrow(FileQuarantinedError);
    expect(publicPhotoIds(w.stored())).toEqual([]);
  });

  it.each([
    ['other bytes than declared', jpegWithGps(0, 0), ChecksumMismatchError],
    ['a PDF declared as a JPEG', MINIMAL_PDF, PhotoRefusedError],
    ['a JPEG cut short', photo.subarray(0, photo.length - 2), PhotoRefusedError],
  ] as const)('are refused and removed when the upload is %s', async (_name, content, refusal) => {
    const { photo: { id } } = await declareComplaintPhoto(w.dependencies, 'c-1', { contentType: 'image/jpeg', sizeBytes: content.length, sha256: sha256(content) }, complainant, now);
    const uploaded = refusal === ChecksumMismatchError ? photo : content;
    w.objects.set(`c-1/${id}/original`, uploaded);
    const before = w.stored();

    await expect(completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).rejects.toThrow(refusal);

    expect(w.objects.has(`c-1/${id}/original`)).toBe(false);
    expect(w.objects.has(`c-1/${id}/public`)).toBe(false);
    expect(w.stored()).toBe(before);
  });

  it('leave no public copy behind when the complaint changed meanwhile', async () => {
    const { photo: { id } } = await declared();
    w.objects.set(`c-1/${id}/original`, photo);
    w.dependencies.repository.save = async () => {
      throw new ConflictError({ ar: 'تغيرت', fr: 'Modifiée', en: 'Changed' });
    };

    await expect(completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).rejects.toThrow(ConflictError);

    expect(w.objects.has(`c-1/${id}/public`)).toBe(false);
    expect(w.objects.has(`c-1/${id}/original`)).toBe(true);
  });

  it('of a private matter are never shown to the public, even released', async () => {
    w = world(complaintIn('services-administratifs'));
    const { photo: { id } } = await declared();
    w.objects.set(`c-1/${id}/original`, photo);
    w.tags.set(`c-1/${id}/original`, 'NO_THREATS_FOUND');

    expect(await completeComplaintPhoto(w.dependencies, 'c-1', id, complainant, now)).toMatchObject({ scan: 'clean' });
    expect(publicPhotoIds(w.stored())).toEqual([]);
  });
});
