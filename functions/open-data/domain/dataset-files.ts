// Files a commune's agent uploads for a dataset (CSV, JSON, PDF), stored on the platform rather than linked:
// declared with their SHA-256 and size while the dataset is a draft, uploaded straight to storage, and listed on the
// dataset only once storage holds exactly those bytes, of the declared kind, cleared by the malware scanner. The
// president then approves the dataset with its files, as any other. Pure.
import { ChecksumMismatchError, DomainError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { contentTypeOf } from '../../shared/files/file-content.ts';
import { OPEN_DATA_PROBLEMS } from '../open-data.problems.ts';
import type { Dataset, Distribution } from './dataset.ts';
import { storedDistribution } from './fed-dataset.ts';

export const MAX_DATASET_FILES = 20;
export const MAX_DATASET_FILE_BYTES = 5 * 1024 * 1024;

export const EXTENSIONS: Readonly<Record<Distribution['mediaType'], string>> = { 'text/csv': 'csv', 'application/json': 'json', 'application/pdf': 'pdf' };

/** A file declared and not yet uploaded and checked. */
export interface PendingFile {
  readonly title: string;
  readonly mediaType: Distribution['mediaType'];
  readonly sha256: string;
  readonly byteSize: number;
  readonly fileName: string;
}

export class DatasetFileRefusedError extends DomainError {
  readonly problem = OPEN_DATA_PROBLEMS['dataset-file-refused'];
}

const notADraft = () =>
  new InvalidStateError({
    ar: 'لا تضاف الملفات إلا إلى مسودة لم تُعتمد بعد، ولا إلى مجموعة تغذيها المنصة',
    fr: "Des fichiers ne s'ajoutent qu'à un brouillon non approuvé, et jamais à un jeu alimenté par la plateforme",
    en: 'Files are added only to a draft not approved yet, never to a dataset the platform feeds',
  });

/**
 * Declares a file on a draft: its name is its SHA-256 and extension. Declared again, the same declaration (nothing
 * changes: undefined); one more than MAX_DATASET_FILES is refused.
 */
export function declareFile(dataset: Dataset, file: Omit<PendingFile, 'fileName'>): { readonly dataset?: Dataset; readonly file: PendingFile } {
  if (dataset.status !== 'draft' || dataset.feed) throw notADraft();
  const declared: PendingFile = { ...file, sha256: file.sha256.toLowerCase(), fileName: `${file.sha256.toLowerCase()}.${EXTENSIONS[file.mediaType]}` };
  const pending = dataset.pendingFiles ?? [];
  const known = pending.find((candidate) => candidate.fileName === declared.fileName) ?? dataset.distributions.find((distribution) => distribution.fileName === declared.fileName);
  if (known) return { file: { ...declared, title: known.title } };
  if (pending.length + dataset.distributions.length >= MAX_DATASET_FILES) {
    throw new DatasetFileRefusedError({ ar: `لا تتجاوز المجموعة ${MAX_DATASET_FILES} ملفا`, fr: `Un jeu de données a au plus ${MAX_DATASET_FILES} fichiers`, en: `A dataset has at most ${MAX_DATASET_FILES} files` });
  }
  return { dataset: { ...dataset, pendingFiles: [...pending, declared], version: dataset.version + 1 }, file: declared };
}

export function pendingFile(dataset: Dataset, fileName: string): PendingFile | undefined {
  return dataset.pendingFiles?.find((file) => file.fileName === fileName);
}

const refused = (why: { ar: string; fr: string; en: string }) => new DatasetFileRefusedError(why);

/** Whether the bytes are what the declared media type says, told from the content itself. */
function checkKind(mediaType: Distribution['mediaType'], content: Uint8Array): void {
  if (mediaType === 'application/pdf') {
    if (contentTypeOf(content) !== 'application/pdf') throw refused({ ar: 'الملف ليس PDF', fr: "Le fichier n'est pas un PDF", en: 'The file is not a PDF' });
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw refused({ ar: 'الملف ليس نصا بترميز UTF-8', fr: "Le fichier n'est pas un texte en UTF-8", en: 'The file is not UTF-8 text' });
  }
  if (text.includes('\u0000') || contentTypeOf(content) !== undefined) throw refused({ ar: 'الملف ليس نصا', fr: "Le fichier n'est pas du texte", en: 'The file is not text' });
  if (mediaType === 'application/json') {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw refused({ ar: 'الملف ليس JSON صالحا', fr: "Le fichier n'est pas un JSON valide", en: 'The file is not valid JSON' });
    }
  }
}

/**
 * The uploaded bytes checked against the declaration: the same size and SHA-256 (else a checksum mismatch), of the
 * declared kind (else refused). The dataset lists the file from then on.
 */
export function completeFile(dataset: Dataset, fileName: string, uploaded: { readonly sha256: string; readonly sizeBytes: number; readonly content?: Uint8Array }): Dataset {
  const file = pendingFile(dataset, fileName);
  if (!file) throw notADraft();
  if (dataset.status !== 'draft') throw notADraft();
  if (uploaded.sizeBytes !== file.byteSize || uploaded.sha256 !== file.sha256 || !uploaded.content) {
    throw new ChecksumMismatchError({
      ar: 'الملف المرفوع لا يطابق الحجم أو البصمة المصرح بهما',
      fr: "Le fichier déposé n'a pas la taille ou l'empreinte SHA-256 déclarées",
      en: 'The uploaded file does not have the declared size or SHA-256',
    });
  }
  checkKind(file.mediaType, uploaded.content);
  const distribution = storedDistribution(dataset.id, { title: file.title, mediaType: file.mediaType, fileName, sha256: file.sha256, byteSize: file.byteSize });
  return {
    ...dataset,
    distributions: [...dataset.distributions, distribution],
    pendingFiles: (dataset.pendingFiles ?? []).filter((pending) => pending.fileName !== fileName),
    version: dataset.version + 1,
  };
}
