// Telling a file's type from its content: real minimal files of each kept type, built here, are recognised; a ZIP
// that is neither a DOCX nor an ODT, a program renamed, and text are not, whatever name or type they are given.
import { describe, expect, it } from 'vitest';
import { DOCX, ODT, contentTypeOf } from '../../../../functions/shared/files/file-content.ts';
import { CONTENT_TYPES, JPEG_START, MINIMAL_DOCX, MINIMAL_ODT, MINIMAL_PDF, TIFF_INTEL, TIFF_MOTOROLA, WINDOWS_PROGRAM, minimalPng, zipOf } from '../../../fixtures/attachment-files.ts';

describe('the type of a file, from its content', () => {
  it.each([
    ['a PDF', MINIMAL_PDF, 'application/pdf'],
    ['a PNG', minimalPng(), 'image/png'],
    ['a JPEG', JPEG_START, 'image/jpeg'],
    ['a little-endian TIFF', TIFF_INTEL, 'image/tiff'],
    ['a big-endian TIFF', TIFF_MOTOROLA, 'image/tiff'],
    ['a DOCX', MINIMAL_DOCX, DOCX],
    ['an ODT', MINIMAL_ODT, ODT],
  ])('recognises %s', (_name, content, type) => {
    expect(contentTypeOf(content)).toBe(type);
  });

  it.each([
    ['a plain ZIP', zipOf([{ name: 'readme.txt', data: 'hello' }])],
    ['a ZIP with content types but no word part (a spreadsheet)', zipOf([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '<workbook/>' }])],
    ['a ZIP with a word folder but no content types', zipOf([{ name: 'word/document.xml', data: '<w:document/>' }])],
    ['an ODF spreadsheet', zipOf([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true }, { name: 'content.xml', data: '<x/>' }])],
    ['an ODT whose mimetype entry is not first', zipOf([{ name: 'content.xml', data: '<x/>' }, { name: 'mimetype', data: ODT, stored: true }])],
    ['an ODT whose mimetype entry is compressed', zipOf([{ name: 'mimetype', data: ODT }, { name: 'content.xml', data: '<x/>' }])],
    ['a ZIP cut before its central directory', MINIMAL_DOCX.subarray(0, MINIMAL_DOCX.length - 40)],
    ['a Windows program renamed .pdf', WINDOWS_PROGRAM],
    ['text', Buffer.from('Monsieur le Président,')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, content) => {
    expect(contentTypeOf(content)).toBeUndefined();
  });
});
