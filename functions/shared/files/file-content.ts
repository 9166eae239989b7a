// What a file is, told from its content (its first bytes, and for a ZIP container the parts it holds), never from
// the name or the type its uploader gave. Every context that takes files from outside tells their type here and keeps
// the types it accepts: the registry office PDF, PNG, JPEG, TIFF, DOCX and ODT, the complaints JPEG and PNG photos.
// Pure.

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT = 'application/vnd.oasis.opendocument.text';

export const KNOWN_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', DOCX, ODT] as const;
export type KnownContentType = (typeof KNOWN_CONTENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF_LITTLE_ENDIAN = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BIG_ENDIAN = [0x4d, 0x4d, 0x00, 0x2a];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** The type of this content among the known ones, or undefined for anything else (a plain ZIP, a program, text). */
export function contentTypeOf(bytes: Uint8Array): KnownContentType | undefined {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, TIFF_LITTLE_ENDIAN) || startsWith(bytes, TIFF_BIG_ENDIAN)) return 'image/tiff';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return officeDocumentIn(bytes);
  return undefined;
}

/**
 * A ZIP container is a document only if it says so: an ODF text puts first an uncompressed `mimetype` entry holding
 * its media type (ODF 1.2, part 3, §3.3); an Office Open XML one lists `[Content_Types].xml` and, for a
 * word-processing document, its parts under `word/` (ECMA-376, part 2).
 */
function officeDocumentIn(bytes: Uint8Array): KnownContentType | undefined {
  if (firstEntryIsOdtMimetype(bytes)) return ODT;
  const names = centralDirectoryNames(bytes);
  if (names?.includes('[Content_Types].xml') && names.some((name) => name.startsWith('word/'))) return DOCX;
  return undefined;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const text = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

function firstEntryIsOdtMimetype(bytes: Uint8Array): boolean {
  if (bytes.length < 30) return false;
  const header = view(bytes);
  const method = header.getUint16(8, true);
  const storedSize = header.getUint32(18, true);
  const nameLength = header.getUint16(26, true);
  const extraLength = header.getUint16(28, true);
  const dataStart = 30 + nameLength + extraLength;
  return method === 0 && text(bytes, 30, nameLength) === 'mimetype' && storedSize === ODT.length && text(bytes, dataStart, storedSize) === ODT;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_RECORD_SEARCH = 22 + 0xffff;

/** The names of the entries the ZIP's central directory lists, or undefined when it has none that holds together. */
function centralDirectoryNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 22) return undefined;
  const data = view(bytes);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_RECORD_SEARCH); at -= 1) {
    if (data.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  const names: string[] = [];
  for (let entry = 0; entry < entries; entry += 1) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) return undefined;
    names.push(text(bytes, at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
