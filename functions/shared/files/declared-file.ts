// A file a context takes from outside by declaration then upload (a letter's attachment, a released document):
// whether what storage holds is what was declared, and what the malware scanner's tag makes of it. Each context keeps
// its own file record and words its own refusals; these are the rules they share. Pure.
import { ChecksumMismatchError, InvalidStateError, type DomainError } from '../errors/domain-errors.ts';
import type { Localized } from '../i18n/language.ts';
import type { ScanVerdict } from '../malware-scan.ts';
import { contentTypeOf, type KnownContentType } from './file-content.ts';

/**
 * `pending`: not scanned yet (or not uploaded yet); `clean`: the scanner found no threat; `not-scanned`: released
 * where no scanner is deployed (the local platform); `quarantined`: a threat, or a file the scanner could not scan,
 * never served. Released means `clean` or `not-scanned`.
 */
export type FileScan = 'pending' | 'clean' | 'not-scanned' | 'quarantined';

export interface ScannedFile {
  readonly scan: FileScan;
  /** The scanner's tag that released or quarantined it, and when that was read. */
  readonly scanResult?: { readonly tag: string; readonly at: string };
}

/** What every declared file records, whoever declared it: the declaration, then the scanner's verdict. */
export interface DeclaredFile<Declarer> extends ScannedFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: KnownContentType;
  readonly sizeBytes: number;
  /** Lower-case hexadecimal. */
  readonly sha256: string;
  readonly declaredAt: string;
  readonly declaredBy: Declarer;
}

/** The scanner's tag on the object, if it has put one, and what it means in this deployment. */
export interface ScanReading {
  readonly verdict: ScanVerdict;
  readonly tag?: string;
}

export const isReleased = (file: ScannedFile) => file.scan === 'clean' || file.scan === 'not-scanned';

/** The file with the scanner's verdict recorded; as it was while the scanner has said nothing. */
export function withScanReading<File extends ScannedFile>(file: File, { verdict, tag }: ScanReading, now: Date): File {
  if (verdict === 'pending' || tag === undefined) return file;
  return { ...file, scan: verdict === 'withheld' ? 'quarantined' : verdict, scanResult: { tag, at: now.toISOString() } };
}

/** What the completion found in storage: the content's digest and size, the content itself when small enough to hold. */
export interface UploadedContent {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly content?: Uint8Array;
}

export interface FileDeclaration {
  readonly contentType: KnownContentType;
  readonly sizeBytes: number;
  /** Lower-case hexadecimal. */
  readonly sha256: string;
}

/**
 * Why the upload is not the declared file, or undefined when it is: nothing uploaded, other bytes (digest or size),
 * or content of another type than declared (told from the bytes, `found` undefined when of no known type).
 */
type UploadMismatch =
  | { readonly kind: 'missing' }
  | { readonly kind: 'other-bytes'; readonly sha256: string; readonly sizeBytes: number }
  | { readonly kind: 'other-type'; readonly found?: KnownContentType };

function uploadMismatch(declared: FileDeclaration, uploaded: UploadedContent | undefined): UploadMismatch | undefined {
  if (!uploaded) return { kind: 'missing' };
  if (uploaded.sha256 !== declared.sha256 || uploaded.sizeBytes !== declared.sizeBytes) return { kind: 'other-bytes', sha256: uploaded.sha256, sizeBytes: uploaded.sizeBytes };
  const found = uploaded.content ? contentTypeOf(uploaded.content) : undefined;
  if (found !== declared.contentType) return { kind: 'other-type', ...(found && { found }) };
  return undefined;
}

/**
 * Refuses an upload that is not the declared file: nothing uploaded yet (409, completed again once it is), other
 * bytes (422 `checksum-mismatch`), or content of another type, which `refusedType` words as its context's own
 * refusal (`accepted`, a sentence naming the types the context takes, is added to its message). The caller then
 * discards the object; an upload that is the declared file passes.
 */
export function refuseUploadMismatch(
  declared: FileDeclaration & { readonly name: string },
  uploaded: UploadedContent | undefined,
  refusedType: (message: Localized) => DomainError,
  accepted?: Localized,
): void {
  const mismatch = uploadMismatch(declared, uploaded);
  const { name, sha256, sizeBytes, contentType } = declared;
  if (mismatch?.kind === 'missing') {
    throw new InvalidStateError({ ar: `لم يُرفع أي ملف بعد لـ«${name}»`, fr: `Aucun fichier n'est encore déposé pour « ${name} »`, en: `Nothing was uploaded for “${name}” yet` });
  }
  if (mismatch?.kind === 'other-bytes') {
    throw new ChecksumMismatchError({
      ar: `الملف المرفوع (SHA-256 ${mismatch.sha256}، ${mismatch.sizeBytes} بايت) ليس المصرح به (${sha256}، ${sizeBytes} بايت)؛ حُذف`,
      fr: `Le fichier déposé (SHA-256 ${mismatch.sha256}, ${mismatch.sizeBytes} octets) n'est pas celui déclaré (${sha256}, ${sizeBytes} octets) ; il est supprimé`,
      en: `The uploaded file (SHA-256 ${mismatch.sha256}, ${mismatch.sizeBytes} bytes) is not the declared one (${sha256}, ${sizeBytes} bytes); it was removed`,
    });
  }
  if (mismatch?.kind === 'other-type') {
    const found = mismatch.found ? ` (${mismatch.found})` : '';
    throw refusedType({
      ar: `محتوى «${name}» ليس ${contentType} كما صُرح${found}؛ ${accepted ? `${accepted.ar}. ` : ''}حُذف الملف`,
      fr: `Le contenu de « ${name} » n'est pas ${contentType} comme déclaré${found} ; ${accepted ? `${accepted.fr}. Le fichier` : 'le fichier'} est supprimé`,
      en: `The content of “${name}” is not ${contentType} as declared${found}; ${accepted ? `${accepted.en}. The file` : 'the file'} was removed`,
    });
  }
}
