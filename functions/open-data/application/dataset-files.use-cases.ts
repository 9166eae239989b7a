// Files stored on the platform for a dataset: an agent of its commune declares one on the draft (its SHA-256, size,
// kind) and gets a URL that accepts only those bytes; once uploaded, completing it checks what storage holds and
// the scanner's verdict, copies it where the public downloads read, and lists it on the dataset. Anything else is
// removed and refused, and the dataset stays as it was.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, FileNotScannedYetError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { scanVerdict } from '../../shared/malware-scan.ts';
import type { Dataset } from '../domain/dataset.ts';
import { completeFile, DatasetFileRefusedError, declareFile, MAX_DATASET_FILE_BYTES, pendingFile, type PendingFile } from '../domain/dataset-files.ts';
import { agentActing } from '../domain/open-data-access.ts';
import type { DatasetFiles, DatasetRepository, DatasetUploads } from './open-data.ports.ts';

export interface DatasetFileDeclaring {
  readonly repository: DatasetRepository;
  readonly uploads: DatasetUploads;
  /** False only where the deployment says no scanner runs (the local platform). */
  readonly scannerDeployed: boolean;
  /** How long an upload URL is valid, in seconds. */
  readonly uploadWindowSeconds: number;
}

/** The completion also stores the checked file where the public downloads read. */
export interface DatasetFileUploading extends DatasetFileDeclaring {
  readonly files: DatasetFiles;
}

async function datasetOf(repository: DatasetRepository, id: string, principal: Principal): Promise<Dataset> {
  const dataset = await repository.getDataset(id);
  if (!dataset) throw new NotFoundError({ ar: `لا توجد مجموعة بيانات ${id}`, fr: `Aucun jeu de données ${id}`, en: `No dataset ${id}` });
  agentActing(dataset.commune, principal);
  return dataset;
}

export interface DeclaredFile {
  readonly file: PendingFile;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}

/** Declares a file on a draft and hands out its upload URL, signed once the declaration is stored. */
export async function declareDatasetFile(dependencies: DatasetFileDeclaring, datasetId: string, file: Omit<PendingFile, 'fileName'>, principal: Principal, now: Date): Promise<DeclaredFile> {
  const dataset = await datasetOf(dependencies.repository, datasetId, principal);
  const declared = declareFile(dataset, file);
  if (declared.dataset) await dependencies.repository.saveDataset(declared.dataset, []);
  const upload = await dependencies.uploads.uploadUrl(dependencies.uploads.objectKey(datasetId, declared.file.fileName), declared.file.sha256, declared.file.mediaType);
  return { file: declared.file, upload: { method: 'PUT', ...upload, expiresAt: new Date(now.getTime() + dependencies.uploadWindowSeconds * 1000).toISOString() } };
}

/**
 * Completes an uploaded file: listed already, the dataset as it is; otherwise the bytes must be the declared ones,
 * of the declared kind and not withheld by the scanner (while it has not answered: 409, try again).
 */
export async function completeDatasetFile(dependencies: DatasetFileUploading, datasetId: string, fileName: string, principal: Principal): Promise<Dataset> {
  const dataset = await datasetOf(dependencies.repository, datasetId, principal);
  if (dataset.distributions.some((distribution) => distribution.fileName === fileName)) return dataset;
  const declared = pendingFile(dataset, fileName);
  if (!declared) throw new NotFoundError({ ar: `لم يُصرح بملف ${fileName}`, fr: `Aucun fichier ${fileName} déclaré`, en: `No file ${fileName} declared` });
  const objectKey = dependencies.uploads.objectKey(datasetId, fileName);
  // Held whole only up to the declared size: a larger object is refused by its size alone.
  const uploaded = await dependencies.uploads.contents(objectKey, Math.min(declared.byteSize, MAX_DATASET_FILE_BYTES));
  if (!uploaded) throw new NotFoundError({ ar: 'لم يُرفع الملف بعد', fr: "Le fichier n'est pas encore déposé", en: 'The file is not uploaded yet' });
  let completed: Dataset;
  try {
    completed = completeFile(dataset, fileName, uploaded);
  } catch (error) {
    if (error instanceof ChecksumMismatchError || error instanceof DatasetFileRefusedError) await dependencies.uploads.discard(objectKey);
    throw error;
  }
  const verdict = scanVerdict(await dependencies.uploads.scanTag(objectKey), dependencies.scannerDeployed);
  if (verdict === 'pending') throw new FileNotScannedYetError({ ar: 'الفحص جار', fr: "L'analyse est en cours", en: 'The scan is under way' });
  if (verdict === 'withheld') {
    await dependencies.uploads.discard(objectKey);
    throw new DatasetFileRefusedError({ ar: 'حجز فاحص البرمجيات الخبيثة الملف', fr: "L'analyseur de logiciels malveillants a retenu le fichier", en: 'The malware scanner withheld the file' });
  }
  await dependencies.files.put(datasetId, fileName, uploaded.content!, declared.sha256, declared.mediaType);
  await dependencies.repository.saveDataset(completed, []);
  return completed;
}
