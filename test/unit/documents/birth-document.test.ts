// The extract and the full copy as their readers get them: the act's data in Arabic and French, and a QR code
// whose signed claims verify against the published key and match the document.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBirthDocument } from '../../../functions/documents/adapters/birth-document-pdf.ts';
import { birthDocument, documentClaims, isDigitized, type BirthDocument } from '../../../functions/documents/domain/birth-document.ts';
import type { OfficeOfCommune } from '../../../functions/reference-data/public.ts';
import { verifyCompactJws } from '../../../functions/shared/signing/compact-jws.ts';
import { signerFor, type JwsSigner } from '../../../functions/shared/signing/jws-signer.ts';
import { decodeQrCode, extractText, pageOperators } from '../../fixtures/pdf/pdf-reading.ts';
import { birthAct, unionNote } from '../../fixtures/civil-status/acts.ts';

const office: OfficeOfCommune = {
  code: 'RBT-HASSAN',
  names: { ar: 'مكتب الحالة المدنية حسان', fr: "Bureau d'état civil Hassan" },
  commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
};
const issuedAt = new Date('2026-12-01T10:30:00Z');
const act = birthAct('4084520036', {
  father: { givenName: { ar: 'محمد', latin: 'Mohammed' }, familyName: { ar: 'العلوي', latin: 'El Alaoui' }, civilId: '1000000001' },
  mother: { givenName: { ar: 'فاطمة', latin: 'Fatima' }, familyName: { ar: 'بناني', latin: 'Bennani' } },
});

let signer: JwsSigner;

beforeAll(() => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const file = join(mkdtempSync(join(tmpdir(), 'raqmana-doc-')), 'key.json');
  writeFileSync(file, JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }));
  process.env.SIGNING_KEY_UNIT_DOCUMENTS = pathToFileURL(file).href;
  signer = signerFor('unit-documents');
});

async function issued(document: BirthDocument): Promise<{ pdf: Uint8Array; texts: string[] }> {
  const pdf = await renderBirthDocument(document, await signer.sign({ ...documentClaims(document) }));
  return { pdf, texts: (await extractText(pdf)).map((item) => item.text) };
}

describe('a birth extract', () => {
  const extract = birthDocument(act, 'birth-extract', office, 'DOC-7K3M9Q2XW4HP', issuedAt);

  it('prints the act in both scripts, with the office, the date and its number', async () => {
    const { texts } = await issued(extract);
    for (const expected of ['Salma', 'سلمى', 'El Alaoui', 'العلوي', 'Rabat', 'الرباط', '06/05/1990', 'DOC-7K3M9Q2XW4HP', '01/12/2026', 'RBT-HASSAN/1990/R1/' + act.legacy.number]) {
      expect(texts.join(' ')).toContain(expected);
    }
    expect(texts).toContain("Extrait d'acte de naissance");
    expect(texts).toContain('نسخة موجزة من رسم الولادة');
    expect(texts.join(' ')).toContain('Mohammed El Alaoui');
    expect(texts.join(' ')).toContain('محمد العلوي');
    expect(texts.join(' ')).toContain('Bureau d\'état civil Hassan');
  });

  it('carries a QR code whose signed claims verify and name this document', async () => {
    const { pdf } = await issued(extract);
    const qr = decodeQrCode(await pageOperators(pdf, 0));
    expect(qr).toBeDefined();
    const verified = verifyCompactJws(qr!, await signer.verificationKeys());
    expect(verified).toMatchObject({ outcome: 'valid' });
    expect((verified as { payload: unknown }).payload).toEqual({
      v: 1,
      dn: 'DOC-7K3M9Q2XW4HP',
      k: 'extract',
      ref: `RBT-HASSAN/1990/R1/${act.legacy.number}`,
      nm: ['سلمى العلوي', 'Salma El Alaoui'],
      dob: '1990-05-06',
      iat: '2026-12-01',
      dg: documentClaims(extract).dg,
    });
  });

  it('signs a digest that changes with any printed value', () => {
    const renamed = birthDocument(birthAct('4084520036', { birthPlace: { ar: 'سلا', latin: 'Salé' } }, { legacy: act.legacy }), 'birth-extract', office, 'DOC-7K3M9Q2XW4HP', issuedAt);
    expect(documentClaims(renamed).dg).not.toBe(documentClaims(extract).dg);
    expect(documentClaims(birthDocument(act, 'birth-extract', office, 'DOC-7K3M9Q2XW4HP', issuedAt)).dg).toBe(documentClaims(extract).dg);
  });

  it('leaves the marginal notes to the full copy', () => {
    const married = birthAct('4084520036', {}, { notes: [unionNote('marriage', '3000000003', '2015-06-01')] });
    expect(birthDocument(married, 'birth-extract', office, 'DOC-1', issuedAt).notes).toBeUndefined();
    expect(birthDocument(married, 'birth-full-copy', office, 'DOC-1', issuedAt).notes).toEqual([{ kind: 'marriage', eventDate: '2015-06-01', text: { fr: 'marriage' } }]);
  });
});

describe('a full copy', () => {
  it('prints the marginal notes in both languages', async () => {
    const married = birthAct('4084520036', {}, {
      notes: [{ ...unionNote('marriage', '3000000003', '2015-06-01'), text: { fr: 'Mariée à Youssef Tazi', ar: 'تزوجت من يوسف التازي' } }],
    });
    const { texts } = await issued(birthDocument(married, 'birth-full-copy', office, 'DOC-2', issuedAt));
    expect(texts).toContain("Copie intégrale d'acte de naissance");
    expect(texts.join(' ')).toContain('Mariage (01/06/2015) : Mariée à Youssef Tazi');
    expect(texts.join(' ')).toContain('تزوجت من يوسف التازي');
  });
});

describe('a digitized act', () => {
  it('has every printed name in both scripts', () => {
    expect(isDigitized(act)).toBe(true);
    expect(isDigitized(birthAct('1', { birthPlace: { ar: 'الرباط' } }))).toBe(false);
    expect(isDigitized(birthAct('1', { mother: { givenName: { latin: 'Fatima' } } }))).toBe(false);
  });

  it('prints a name known in one script in both columns', () => {
    const old = birthDocument(birthAct('1', { birthPlace: { ar: 'الرباط' } }), 'birth-extract', office, 'DOC-3', issuedAt);
    expect(old.person.birthPlace).toEqual({ ar: 'الرباط', fr: 'الرباط' });
  });
});
