// The public copy of a photo: a JPEG and a PNG as a phone writes them, with the place they were taken in GPS EXIF,
// lose every metadata block and keep the image byte for byte; content that does not hold together is refused.
import { describe, expect, it } from 'vitest';
import { MalformedImageError, jpegWithoutMetadata, photoWithoutMetadata, pngWithoutMetadata } from '../../../functions/complaints/domain/photo-metadata.ts';
import { PLAIN_JPEG, PLAIN_PNG, holdsGpsExif, jpegWithGps, pngWithGps } from '../../fixtures/photo-files.ts';

const AGDAL = { lat: 33.99712, long: -6.84955 };

describe('a JPEG without its metadata', () => {
  it('keeps the image and its JFIF segment and drops Exif with GPS, XMP, Photoshop IPTC and the comment', () => {
    const photo = jpegWithGps(AGDAL.lat, AGDAL.long);
    expect(holdsGpsExif(photo)).toBe(true);

    const stripped = jpegWithoutMetadata(photo);

    expect(holdsGpsExif(stripped)).toBe(false);
    expect(Buffer.from(stripped)).toEqual(PLAIN_JPEG);
    expect(Buffer.from(stripped).includes('Amina')).toBe(false);
  });

  it('changes nothing in a photo without metadata', () => {
    expect(Buffer.from(jpegWithoutMetadata(PLAIN_JPEG))).toEqual(PLAIN_JPEG);
  });

  it('sees an Exif segment placed after a scan, as between the scans of a progressive JPEG', () => {
    const photo = jpegWithGps(AGDAL.lat, AGDAL.long);
    const app1At = photo.indexOf(Buffer.from([0xff, 0xe1]));
    const app1 = photo.subarray(app1At, app1At + photo.readUInt16BE(app1At + 2) + 2);
    const afterScan = Buffer.concat([PLAIN_JPEG.subarray(0, PLAIN_JPEG.length - 2), app1, Buffer.from([0xff, 0xd9])]);
    expect(holdsGpsExif(afterScan)).toBe(true);

    expect(Buffer.from(jpegWithoutMetadata(afterScan))).toEqual(PLAIN_JPEG);
  });

  it('copies stuffed bytes and restart markers of the scan as they are', () => {
    const scanData = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);
    const withStuffing = Buffer.concat([PLAIN_JPEG.subarray(0, PLAIN_JPEG.length - 3), scanData, Buffer.from([0xff, 0xd9])]);
    expect(Buffer.from(jpegWithoutMetadata(withStuffing))).toEqual(withStuffing);
  });

  it.each([
    ['a PNG', PLAIN_PNG],
    ['a JPEG cut in its scan', PLAIN_JPEG.subarray(0, PLAIN_JPEG.length - 2)],
    ['a JPEG whose segment runs past the end', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 0x45])],
    ['a JPEG with garbage where a marker should be', Buffer.from([0xff, 0xd8, 0x00, 0x00])],
  ])('refuses %s', (_name, content) => {
    expect(() => jpegWithoutMetadata(content)).toThrow(MalformedImageError);
  });
});

describe('a PNG without its metadata', () => {
  it('keeps the image chunks and pHYs and drops eXIf, tEXt, iTXt, zTXt and tIME', () => {
    const photo = pngWithGps(AGDAL.lat, AGDAL.long);
    expect(holdsGpsExif(photo)).toBe(true);

    const stripped = pngWithoutMetadata(photo);

    expect(holdsGpsExif(stripped)).toBe(false);
    expect(Buffer.from(stripped)).toEqual(PLAIN_PNG);
  });

  it.each([
    ['a JPEG', PLAIN_JPEG],
    ['a PNG without its end chunk', PLAIN_PNG.subarray(0, PLAIN_PNG.length - 12)],
    ['a PNG whose chunk runs past the end', Buffer.concat([PLAIN_PNG.subarray(0, 8), Buffer.from([0x7f, 0, 0, 0, 0x49, 0x44, 0x41, 0x54])])],
  ])('refuses %s', (_name, content) => {
    expect(() => pngWithoutMetadata(content)).toThrow(MalformedImageError);
  });
});

describe('a photo without its metadata, by its type told from its content', () => {
  it.each([
    ['image/jpeg', jpegWithGps(AGDAL.lat, AGDAL.long), PLAIN_JPEG],
    ['image/png', pngWithGps(AGDAL.lat, AGDAL.long), PLAIN_PNG],
  ] as const)('strips a %s', (type, photo, plain) => {
    expect(Buffer.from(photoWithoutMetadata(photo, type))).toEqual(plain);
  });
});
