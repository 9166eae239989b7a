// The register's rules, pure: who revokes which document, a revoked document is refused, and only a request
// awaiting review can be approved or rejected.
import { describe, expect, it } from 'vitest';
import { requireAwaitingReview, type DocumentRequest } from '../../../functions/documents/domain/document-request.ts';
import { storedPaper } from '../../../functions/documents/application/signed-documents.use-cases.ts';
import { requireNotRevoked, revoke, type IssuedDocument, type RegisteredPaper } from '../../../functions/documents/domain/issued-document.ts';

const at = '2026-12-01T10:00:00.000Z';
const birth: IssuedDocument = {
  id: 'DOC-7K3M9Q2XW4HP',
  kind: 'birth-extract',
  requestId: 'r-1',
  actId: 'a-1',
  office: 'RBT-HASSAN',
  owner: { sub: 'salma', civilId: '1000000001' },
  objectKey: 'documents/DOC-7K3M9Q2XW4HP.pdf',
  issuedAt: at,
  status: 'valid',
};
const certificate: RegisteredPaper = {
  id: 'CDA-RABAT-1A2B3C4D',
  kind: 'permit-certificate',
  issuer: 'permits',
  subjectId: 'p-1',
  commune: 'rabat',
  holder: 'applicant-1',
  objectKey: 'papers/CDA-RABAT-1A2B3C4D/x.pdf',
  issuedAt: at,
  status: 'valid',
};

const acknowledgment: RegisteredPaper = {
  id: 'ACK-6F1C2D3E4B5A4C7D8E9F0A1B2C3D4E5F',
  kind: 'letter-acknowledgment',
  issuer: 'registry-office',
  subjectId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  commune: 'rabat',
  objectKey: 'papers/ACK-6F1C2D3E4B5A4C7D8E9F0A1B2C3D4E5F/x.pdf',
  issuedAt: at,
  status: 'valid',
};

describe('revoking a document of the register', () => {
  it("leaves a birth document to its office's registrars and a permit paper to its commune's president", () => {
    expect(revoke(birth, { sub: 'registrar-1', office: 'RBT-HASSAN' }, 'Act corrected', at)).toMatchObject({ status: 'revoked', revokedBy: 'registrar-1' });
    expect(revoke(certificate, { sub: 'president-1', commune: 'rabat', role: 'president' }, 'Fraude', at)).toMatchObject({ status: 'revoked', revokedBy: 'president-1', revocationReason: 'Fraude' });
    for (const [document, revoker] of [
      [birth, { sub: 'registrar-2', office: 'FES-AGDAL' }],
      [birth, { sub: 'president-1', commune: 'rabat', role: 'president' }],
      [certificate, { sub: 'president-2', commune: 'fes', role: 'president' }],
      [certificate, { sub: 'registrar-1', office: 'RBT-HASSAN' }],
      [certificate, { sub: 'agent-1', commune: 'rabat', role: 'agent' }],
    ] as const) {
      expect(() => revoke(document, revoker, 'reason', at)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });

  it("leaves a letter's acknowledgment to its commune's registry clerks, not to its president", () => {
    expect(revoke(acknowledgment, { sub: 'clerk-1', commune: 'rabat', role: 'clerk' }, 'Enregistré par erreur', at)).toMatchObject({ status: 'revoked', revokedBy: 'clerk-1' });
    for (const revoker of [
      { sub: 'clerk-2', commune: 'fes', role: 'clerk' },
      { sub: 'president-1', commune: 'rabat', role: 'president' },
      { sub: 'registrar-1', office: 'RBT-HASSAN' },
    ] as const) {
      expect(() => revoke(acknowledgment, revoker, 'reason', at)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });

  it('revokes once, and a revoked document is refused with document-revoked, in the caller’s language', () => {
    const revoked = revoke(certificate, { sub: 'president-1', commune: 'rabat', role: 'president' }, 'Fraude', at);
    expect(() => revoke(revoked, { sub: 'president-1', commune: 'rabat', role: 'president' }, 'again', at)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    expect(() => requireNotRevoked(certificate)).not.toThrow();
    try {
      requireNotRevoked(revoked);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'document-revoked' });
      expect((error as { detailIn(language: string): string }).detailIn('ar')).toContain('سُحبت');
      expect((error as { detailIn(language: string): string }).detailIn('fr')).toContain('retiré');
    }
  });
});

describe('another context reading a paper of the register', () => {
  it('is never handed a birth document, whose number the register shares with the papers', async () => {
    const files = { get: async () => new Uint8Array([1]) };
    await expect(storedPaper({ register: { getDocument: async () => birth }, files }, birth.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(storedPaper({ register: { getDocument: async () => acknowledgment }, files }, acknowledgment.id)).resolves.toMatchObject({ document: acknowledgment });
  });
});

describe('reviewing a request', () => {
  const request = { id: 'r-1', office: 'RBT-HASSAN', status: 'awaiting-review' } as DocumentRequest;
  const registrar = { sub: 'registrar-1', office: 'RBT-HASSAN' };

  it('lets only a request awaiting review through, and only to its office', () => {
    expect(() => requireAwaitingReview(request, registrar)).not.toThrow();
    for (const status of ['issued', 'rejected'] as const) {
      expect(() => requireAwaitingReview({ ...request, status }, registrar)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    }
    expect(() => requireAwaitingReview(request, { sub: 'registrar-2', office: 'FES-AGDAL' })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
