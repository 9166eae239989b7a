// A photo's copy for the public, its metadata removed: a phone's camera writes where the picture was taken (GPS
// EXIF), the device and often the owner's name into the file, and a complaint's public reads (Open311 `media_url`)
// must never hand them out (Law 09-08). The image itself is kept byte for byte. What is kept is listed (what the
// picture needs to be drawn as it was taken: JFIF, the colour profile, Adobe's colour transform; PNG's critical and
// colour chunks); everything else goes, so that a metadata block no list names is removed too. Pure.

/** Thrown for content that is not a well-formed JPEG or PNG: such a photo is refused, never published as it came. */
export class MalformedImageError extends Error {}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COMMENT = 0xfe;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;
const isApplication = (marker: number) => marker >= APP0 && marker <= APP15;

/** The application segments an image needs: JFIF (pixel density), the ICC colour profile, Adobe's colour transform. */
function jpegSegmentKept(marker: number, payload: Uint8Array): boolean {
  if (marker === COMMENT) return false;
  if (!isApplication(marker)) return true;
  if (marker === APP0) return startsWith(payload, ascii('JFIF\0'));
  if (marker === APP2) return startsWith(payload, ascii('ICC_PROFILE\0'));
  if (marker === APP14) return startsWith(payload, ascii('Adobe'));
  return false;
}

/**
 * The JPEG without its Exif, XMP, Photoshop (IPTC) and other application segments and comments (ITU-T T.81, B.1):
 * segments are walked one by one, and the entropy-coded data after each scan header is copied up to the next marker,
 * so that a segment placed between the scans of a progressive JPEG is seen too.
 */
export function jpegWithoutMetadata(bytes: Uint8Array): Uint8Array {
  if (!startsWith(bytes, [0xff, SOI])) throw new MalformedImageError('not a JPEG');
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) throw new MalformedImageError(`no marker at ${at}`);
    let markerAt = at;
    while (bytes[markerAt + 1] === 0xff) markerAt += 1; // fill bytes before a marker (B.1.1.2)
    const marker = bytes[markerAt + 1]!;
    if (marker === EOI) {
      kept.push(bytes.subarray(markerAt, markerAt + 2));
      return concatenated(kept);
    }
    if (isRestart(marker) || marker === 0x01) throw new MalformedImageError(`marker ${marker.toString(16)} outside a scan`);
    if (markerAt + 4 > bytes.length) throw new MalformedImageError('segment cut short');
    const length = (bytes[markerAt + 2]! << 8) | bytes[markerAt + 3]!;
    const end = markerAt + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImageError('segment longer than the file');
    if (jpegSegmentKept(marker, bytes.subarray(markerAt + 4, end))) kept.push(bytes.subarray(markerAt, end));
    at = end;
    if (marker === SOS) {
      const scanEnd = endOfEntropyCodedData(bytes, at);
      kept.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
}

/** Where the entropy-coded data starting here ends: at the first marker that is neither a stuffed zero nor a restart. */
function endOfEntropyCodedData(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 1 < bytes.length; at += 1) {
    if (bytes[at] !== 0xff) continue;
    const next = bytes[at + 1]!;
    if (next !== 0x00 && next !== 0xff && !isRestart(next)) return at;
  }
  throw new MalformedImageError('scan without an end');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The chunks a PNG needs to be drawn as it was made (PNG, third edition, §5.6): the critical ones, transparency, the
 * colour space and profile, significant bits, background, physical size, palette histogram and suggestions, and the
 * animation chunks of an APNG. eXIf, tEXt, iTXt, zTXt, tIME and any private chunk are dropped.
 */
const PNG_CHUNKS_KEPT = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT',
]);

/** The PNG without its metadata chunks; every chunk is kept or dropped whole, with its CRC. */
export function pngWithoutMetadata(bytes: Uint8Array): Uint8Array {
  if (!startsWith(bytes, PNG_SIGNATURE)) throw new MalformedImageError('not a PNG');
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE.length)];
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > bytes.length) throw new MalformedImageError('chunk cut short');
    const end = at + 12 + data.getUint32(at);
    if (end > bytes.length) throw new MalformedImageError('chunk longer than the file');
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (PNG_CHUNKS_KEPT.has(type)) kept.push(bytes.subarray(at, end));
    if (type === 'IEND') return concatenated(kept);
    at = end;
  }
}

export type PhotoContentType = 'image/jpeg' | 'image/png';

export function photoWithoutMetadata(bytes: Uint8Array, contentType: PhotoContentType): Uint8Array {
  return contentType === 'image/jpeg' ? jpegWithoutMetadata(bytes) : pngWithoutMetadata(bytes);
}

function concatenated(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}
