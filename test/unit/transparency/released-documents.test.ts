// The documents released with an answer: declared by an agent while the request is open or once answered in full or
// in part, stored only when storage holds the declared bytes of the declared type, released by the scanner's tag,
// and read by the requester only once the answer released information and its costs are paid.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ChecksumMismatchError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { answerRequest, openRequest, withdrawRequest, type InformationRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import {
  MAX_RELEASED_DOCUMENTS,
  ReleasedDocumentRefusedError,
  completeReleasedDocument,
  declareReleasedDocument,
  recordReleasedDocumentScan,
  releasedDocumentOf,
  requireReleasedDocumentReader,
  requireServableDocument,
} from '../../../functions/transparency/domain/released-documents.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';
import { MINIMAL_PDF, JPEG_START } from '../../fixtures/attachment-files.ts';

const citizenActor = { sub: 'citizen-1', role: 'citizen' } as const;
const agentActor = { sub: 'agent-1', role: 'agent' } as const;
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-1', roles: ['agent'], commune: 'rabat' };
const otherAgent: Principal = { sub: 'agent-2', roles: ['agent'], commune: 'rabat' };
const agentElsewhere: Principal = { sub: 'agent-9', roles: ['agent'], commune: 'fes' };
const now = new Date('2026-06-01T09:00:00Z');
const later = new Date('2026-06-02T09:00:00Z');
const answerPeriod = { days: 20, extensionDays: 20 };
const received = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: now.toISOString(), answerPeriod, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clarificationSuspendsClock: false, clock: requestClock(answerPeriod, now, new Set()), filedBy: citizen.sub },
  citizenActor,
  now,
).request;
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const pdf = { id: 'doc-1', name: 'Budget.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF).toUpperCase() } as const;
const uploadedPdf = { sha256: sha256(MINIMAL_PDF), sizeBytes: MINIMAL_PDF.length, content: MINIMAL_PDF };
const notScanned = { verdict: 'not-scanned', tag: 'NOT_SCANNED_LOCALLY' } as const;

function declared(request: InformationRequest = received): InformationRequest {
  return declareReleasedDocument(request, pdf, agentActor, now).request;
}

function answered(request: InformationRequest, outcome: 'full' | 'refused' = 'full'): InformationRequest {
  const given = outcome === 'full' ? ({ outcome, summary: 'Ci-joint', format: 'electronic' } as const) : ({ outcome, grounds: [{ ground: 'not-held', reason: 'Non détenu' }] } as const);
  return answerRequest(request, { ...given, at: later.toISOString(), by: agentActor }, agentActor, later).request;
}

describe('declaring a released document', () => {
  it('adds it awaiting upload with its digest in lower case, recorded in the history', () => {
    const { request, event } = declareReleasedDocument(received, pdf, agentActor, now);

    expect(request.releasedDocuments).toEqual([{ ...pdf, sha256: sha256(MINIMAL_PDF), declaredAt: now.toISOString(), declaredBy: agentActor, status: 'awaiting-upload', scan: 'pending' }]);
    expect(event).toMatchObject({ type: 'document-declared', version: 2, details: { document: { id: 'doc-1', sha256: sha256(MINIMAL_PDF) } } });
  });

  it('is refused on a refused or withdrawn request, and beyond the most a request takes', () => {
    expect(() => declared(answered(received, 'refused'))).toThrow(InvalidStateError);
    expect(() => declared(withdrawRequest(received, undefined, citizenActor, now).request)).toThrow(InvalidStateError);
    let full = received;
    for (let index = 0; index < MAX_RELEASED_DOCUMENTS; index += 1) full = declareReleasedDocument(full, { ...pdf, id: `doc-${index}` }, agentActor, now).request;
    expect(() => declareReleasedDocument(full, { ...pdf, id: 'one-more' }, agentActor, now)).toThrow(ReleasedDocumentRefusedError);
  });
});

describe('completing a released document', () => {
  it('stores the declared bytes, with the verdict the scanner has given already', () => {
    const made = completeReleasedDocument(declared(), 'doc-1', uploadedPdf, notScanned, agent, later)!;

    expect(releasedDocumentOf(made.request, 'doc-1')).toMatchObject({ status: 'stored', storedAt: later.toISOString(), scan: 'not-scanned', scanResult: { tag: 'NOT_SCANNED_LOCALLY' } });
    expect(made.event.type).toBe('document-stored');
    expect(completeReleasedDocument(made.request, 'doc-1', uploadedPdf, notScanned, agent, later)).toBeUndefined();
  });

  it('refuses other bytes, another type, nothing uploaded, and another agent', () => {
    const request = declared();
    expect(() => completeReleasedDocument(request, 'doc-1', { ...uploadedPdf, sizeBytes: 3 }, notScanned, agent, later)).toThrow(ChecksumMismatchError);
    const png = declareReleasedDocument(received, { ...pdf, sha256: sha256(JPEG_START), sizeBytes: JPEG_START.length }, agentActor, now).request;
    expect(() => completeReleasedDocument(png, 'doc-1', { sha256: sha256(JPEG_START), sizeBytes: JPEG_START.length, content: JPEG_START }, notScanned, agent, later)).toThrow(ReleasedDocumentRefusedError);
    expect(() => completeReleasedDocument(request, 'doc-1', undefined, notScanned, agent, later)).toThrow(InvalidStateError);
    expect(() => completeReleasedDocument(request, 'doc-1', uploadedPdf, notScanned, otherAgent, later)).toThrow(ForbiddenError);
  });
});

describe('reading a released document', () => {
  const stored = completeReleasedDocument(declared(), 'doc-1', uploadedPdf, { verdict: 'pending' }, agent, later)!.request;

  it('is for the agents of the commune before the answer, for the requester only once answered in full or in part', () => {
    const document = releasedDocumentOf(stored, 'doc-1');
    expect(() => requireReleasedDocumentReader(stored, document, agent)).not.toThrow();
    expect(() => requireReleasedDocumentReader(stored, document, citizen)).toThrow(InvalidStateError);
    expect(() => requireReleasedDocumentReader(stored, document, agentElsewhere)).toThrow(ForbiddenError);
    expect(() => requireReleasedDocumentReader(answered(stored), document, citizen)).not.toThrow();
  });

  it('waits for its costs to be paid', () => {
    const costs = { lines: [], total: { amount: 1500, currency: 'MAD' }, tariffVersion: 1, statedAt: later.toISOString(), status: 'due' } as const;
    const owing: InformationRequest = { ...answered(stored), costs };
    expect(() => requireReleasedDocumentReader(owing, releasedDocumentOf(owing, 'doc-1'), citizen)).toThrow(InvalidStateError);
    const paid: InformationRequest = { ...owing, costs: { ...costs, status: 'paid', payment: { paymentId: 'PAY-1', at: later.toISOString() } } };
    expect(() => requireReleasedDocumentReader(paid, releasedDocumentOf(paid, 'doc-1'), citizen)).not.toThrow();
  });

  it('is served once the scanner released it (to its uploader before), never once quarantined', () => {
    const pending = releasedDocumentOf(stored, 'doc-1');
    expect(() => requireServableDocument(pending, agent)).not.toThrow();
    expect(() => requireServableDocument(pending, otherAgent)).toThrow(FileNotScannedYetError);

    const clean = recordReleasedDocumentScan(stored, 'doc-1', { verdict: 'clean', tag: 'NO_THREATS_FOUND' }, later)!;
    expect(clean.event.type).toBe('document-released');
    expect(() => requireServableDocument(releasedDocumentOf(clean.request, 'doc-1'), otherAgent)).not.toThrow();
    expect(recordReleasedDocumentScan(clean.request, 'doc-1', { verdict: 'withheld', tag: 'THREATS_FOUND' }, later)).toBeUndefined();

    const threat = recordReleasedDocumentScan(stored, 'doc-1', { verdict: 'withheld', tag: 'THREATS_FOUND' }, later)!;
    expect(threat.event.type).toBe('document-quarantined');
    expect(() => requireServableDocument(releasedDocumentOf(threat.request, 'doc-1'), agent)).toThrow(FileQuarantinedError);
  });
});
