// Files stored on the platform for a dataset: declared on a draft only, named by their SHA-256, listed once the
// uploaded bytes are the declared ones and of the declared kind; a dataset is approved only with its files checked.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChecksumMismatchError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { approveDataset, declareDataset } from '../../../functions/open-data/domain/dataset.ts';
import { completeFile, DatasetFileRefusedError, declareFile, MAX_DATASET_FILES } from '../../../functions/open-data/domain/dataset-files.ts';
import { declareFedDataset } from '../../../functions/open-data/domain/fed-dataset.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const at = new Date('2026-06-15T09:00:00Z');
const id = '0b9a0a0e-3333-4c2d-8e3f-000000000001';
const fields = {
  title: { ar: 'الميزانية', fr: 'Budget' },
  description: { ar: 'الميزانية', fr: 'Le budget' },
  category: 'budget-and-accounts',
  accrualPeriodicity: 'ANNUAL',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  distributions: [],
} as const;
const draft = () => declareDataset(id, 'rabat', fields, agent, at);
const csv = Buffer.from('poste,montant\r\nvoirie,1200000\r\n', 'utf8');
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const declaration = (bytes: Uint8Array, mediaType: 'text/csv' | 'application/json' | 'application/pdf' = 'text/csv') => ({ title: 'Budget', mediaType, sha256: sha(bytes), byteSize: bytes.length });
const upload = (bytes: Uint8Array) => ({ sha256: sha(bytes), sizeBytes: bytes.length, content: bytes });

describe('a dataset file', () => {
  it('is declared on a draft under its SHA-256, once', () => {
    const { dataset, file } = declareFile(draft(), declaration(csv));

    expect(file.fileName).toBe(`${sha(csv)}.csv`);
    expect(dataset!.pendingFiles).toEqual([file]);
    expect(declareFile(dataset!, declaration(csv)).dataset).toBeUndefined();
  });

  it('is refused on an approved dataset, on a fed one, and beyond the most a dataset holds', () => {
    const listed = completeFile(declareFile(draft(), declaration(csv)).dataset!, `${sha(csv)}.csv`, upload(csv));
    const approved = approveDataset(listed, president, at).dataset;
    const fed = declareFedDataset(id, 'rabat', 'permit-figures', { ar: 'الرباط', fr: 'Rabat' }, { license: fields.license }, agent, at);
    let full = draft();
    for (let index = 0; index < MAX_DATASET_FILES; index += 1) full = declareFile(full, declaration(Buffer.from(`a,b\r\n${index},1\r\n`))).dataset!;

    expect(() => declareFile(approved, declaration(pdf, 'application/pdf'))).toThrow(InvalidStateError);
    expect(() => declareFile(fed, declaration(csv))).toThrow(InvalidStateError);
    expect(() => declareFile(full, declaration(pdf, 'application/pdf'))).toThrow(DatasetFileRefusedError);
  });

  it('is listed with its download link once the uploaded bytes are the declared ones', () => {
    const completed = completeFile(declareFile(draft(), declaration(pdf, 'application/pdf')).dataset!, `${sha(pdf)}.pdf`, upload(pdf));

    expect(completed.pendingFiles).toEqual([]);
    expect(completed.distributions).toEqual([
      { title: 'Budget', mediaType: 'application/pdf', accessURL: `/v1/transparency/datasets/${id}/files/${sha(pdf)}.pdf`, downloadURL: `/v1/transparency/datasets/${id}/files/${sha(pdf)}.pdf`, fileName: `${sha(pdf)}.pdf`, sha256: sha(pdf), byteSize: pdf.length },
    ]);
  });

  it('is refused when other bytes were uploaded, or bytes of another kind', () => {
    const declared = declareFile(draft(), declaration(csv)).dataset!;
    const asPdf = declareFile(draft(), declaration(csv, 'application/pdf')).dataset!;
    const asJson = declareFile(draft(), declaration(csv, 'application/json')).dataset!;
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const asCsv = declareFile(draft(), declaration(binary)).dataset!;

    expect(() => completeFile(declared, `${sha(csv)}.csv`, upload(Buffer.from('autre')))).toThrow(ChecksumMismatchError);
    expect(() => completeFile(asPdf, `${sha(csv)}.pdf`, upload(csv))).toThrow(DatasetFileRefusedError);
    expect(() => completeFile(asJson, `${sha(csv)}.json`, upload(csv))).toThrow(DatasetFileRefusedError);
    expect(() => completeFile(asCsv, `${sha(binary)}.csv`, upload(binary))).toThrow(DatasetFileRefusedError);
  });

  it('keeps its dataset from approval while its upload is not completed, or when it has no file at all', () => {
    expect(() => approveDataset(declareFile(draft(), declaration(csv)).dataset!, president, at)).toThrow(InvalidStateError);
    expect(() => approveDataset(draft(), president, at)).toThrow(InvalidStateError);
  });
});
