// The acknowledgment as its sender gets it: the claims its QR code signs, drawn from what the registration wrote
// once, and the bilingual PDF with the same facts (the receipt instant as stored, to the second) and the QR code.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acknowledgmentLayout, printedReceipt, renderAcknowledgment } from '../../../functions/registry-office/adapters/acknowledgment-pdf.ts';
import { acknowledgmentClaims, acknowledgmentNumber, acknowledgmentOf, isAcknowledged } from '../../../functions/registry-office/domain/acknowledgment.ts';
import { registerLetter, type Letter } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';
import { decodeQrCode, extractText, pageOperators } from '../../fixtures/pdf/pdf-reading.ts';

const rabat = { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } };
const registeredAt = new Date('2026-06-15T09:15:42.789Z');

function registered(overrides: Partial<Parameters<typeof registerLetter>[0]> = {}): Letter {
  return registerLetter(
    {
      id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      commune: 'rabat',
      register: 'incoming',
      channel: 'online',
      lodgedBy: 'citizen-1',
      subject: 'إصلاح الإنارة العمومية — Réfection de la chaussée',
      confidentiality: 'normal',
      priority: 'normal',
      ...overrides,
    },
    { format: DEFAULT_NUMBER_FORMAT, sequence: 123 },
    { sub: 'citizen-1', role: 'citizen' },
    registeredAt,
  ).letter;
}

describe("an incoming letter's acknowledgment", () => {
  it('is numbered after the whole letter id, and exists for incoming letters only', () => {
    expect(acknowledgmentNumber(registered())).toBe('ACK-6F1C2D3E4B5A4C7D8E9F0A1B2C3D4E5F');
    expect(isAcknowledged(registered())).toBe(true);
    expect(isAcknowledged(registered({ register: 'internal' }))).toBe(false);
  });

  it('signs the number, the commune, the register, the receipt instant as stored and digests of the subject and of the content', () => {
    const letter = registered();
    const content = acknowledgmentOf(letter, rabat, registeredAt);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

    expect(letter.receivedAt).toBe('2026-06-15T10:15:42+01:00');
    expect(acknowledgmentClaims(content)).toEqual({
      ln: '2026/A/000123',
      cm: 'rabat',
      rg: 'incoming',
      rcv: '2026-06-15T10:15:42+01:00',
      sd: sha256(letter.subject),
      dg: sha256(JSON.stringify(content)),
    });
    // Another subject, another signature: the printed subject is the one signed.
    expect(acknowledgmentClaims(acknowledgmentOf(registered({ subject: 'Autre objet' }), rabat, registeredAt)).sd).not.toBe(acknowledgmentClaims(content).sd);
  });

  it('names the sender of a paper letter as the clerk wrote it, and the citizen of an online one', () => {
    expect(acknowledgmentOf(registered(), rabat, registeredAt).sender).toBe('citizen-1');
    const counter = registered({ channel: 'counter', lodgedBy: undefined, sender: { name: 'Karim Benali', organisation: 'Association Al Amal' } });
    expect(acknowledgmentOf(counter, rabat, registeredAt).sender).toBe('Karim Benali, Association Al Amal');
  });

  it('prints the receipt instant as stored, to the second with its offset, never converted', () => {
    expect(printedReceipt('2026-06-15T10:15:42+01:00')).toBe('15/06/2026 10:15:42 (UTC+01:00)');
    expect(printedReceipt('2026-02-20T23:59:59+00:00')).toBe('20/02/2026 23:59:59 (UTC+00:00)');
  });

  it('shows the same facts in French and in Arabic, with the signed claims in its QR code', async () => {
    const content = acknowledgmentOf(registered(), rabat, registeredAt);
    const layout = acknowledgmentLayout(content);
    expect(layout.rows.map((row) => row.value)).toEqual(['2026/A/000123', '15/06/2026 10:15:42 (UTC+01:00)', rabat.names, content.subject, 'citizen-1', { fr: 'En ligne', ar: 'عبر الإنترنت' }]);

    const pdf = await renderAcknowledgment(content, 'eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl');
    const texts = (await extractText(pdf)).map((item) => item.text);
    const all = texts.join(' ');
    expect(texts).toContain('Accusé de réception de courrier');
    expect(texts).toContain('إشعار بالتوصل بمراسلة');
    for (const shown of [content.number, '2026/A/000123', '15/06/2026 10:15:42 (UTC+01:00)', 'Commune de Rabat', 'جماعة الرباط', 'Réfection de la chaussée', 'إصلاح الإنارة العمومية', 'En ligne']) {
      expect(all).toContain(shown);
    }
    expect(decodeQrCode(await pageOperators(pdf, 0))).toBe('eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl');
  });
});
