// The disclosure log: an answered request is published once, only where its requester consented, with a summary
// that carries none of the requester's identity and released documents that are stored and cleared; the entry keeps
// nothing of the requester.
import { describe, expect, it } from 'vitest';
import { InvalidStateError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';
import { publishInDisclosureLog } from '../../../functions/transparency/domain/disclosure-log.ts';
import { answerRequest, openRequest, type InformationRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { completeReleasedDocument, declareReleasedDocument } from '../../../functions/transparency/domain/released-documents.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';
import { MINIMAL_PDF } from '../../fixtures/attachment-files.ts';
import { createHash } from 'node:crypto';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const agentPrincipal = { sub: 'agent-1', roles: ['agent' as const], commune: 'rabat' };
const now = new Date('2026-06-01T09:00:00Z');
const later = new Date('2026-06-02T23:30:00Z');
const answerPeriod = { days: 20, extensionDays: 20 };
const requester = { name: 'Salma Bennani', address: '4 rue de Fès, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' }, email: 'salma@example.ma' } as const;
const sha256 = createHash('sha256').update(MINIMAL_PDF).digest('hex');

function opened(consent: boolean | undefined): InformationRequest {
  return openRequest(
    {
      id: 'request-1',
      commune: 'rabat',
      channel: 'counter',
      receivedAt: '2026-06-01T10:00:00+01:00',
      answerPeriod,
      recoursePeriods: DEFAULT_RECOURSE_PERIODS,
      clarificationSuspendsClock: false,
      clock: requestClock(answerPeriod, now, new Set()),
      requester,
      information: 'Le budget 2026',
      format: 'electronic',
      ...(consent !== undefined && { disclosureConsent: consent }),
    },
    agent,
    now,
  ).request;
}

function answeredWithDocument(consent: boolean | undefined, outcome: 'full' | 'refused' = 'full'): InformationRequest {
  let request = declareReleasedDocument(opened(consent), { id: '0f1c3a9e-5b7d-4e2a-9c1b-3d5e7f9a1b2c', name: 'Budget.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256 }, agent, now).request;
  request = completeReleasedDocument(request, '0f1c3a9e-5b7d-4e2a-9c1b-3d5e7f9a1b2c', { sha256, sizeBytes: MINIMAL_PDF.length, content: MINIMAL_PDF }, { verdict: 'not-scanned', tag: 'NOT_SCANNED_LOCALLY' }, agentPrincipal, now)!.request;
  const given = outcome === 'full' ? ({ outcome, summary: 'Ci-joint', format: 'electronic' } as const) : ({ outcome, grounds: [{ ground: 'not-held', reason: 'Non détenu' }] } as const);
  return answerRequest(request, { ...given, at: later.toISOString(), by: agent }, agent, later).request;
}

describe('publishing in the disclosure log', () => {
  it('publishes an answered request whose requester consented, once, with the documents named and nothing of the requester', () => {
    const made = publishInDisclosureLog(answeredWithDocument(true), { summary: 'Le budget 2026 de la commune, communiqué en entier.', documentIds: ['0f1c3a9e-5b7d-4e2a-9c1b-3d5e7f9a1b2c'] }, agent, later);

    expect(made.request.disclosure).toEqual({
      requestId: 'request-1',
      commune: 'rabat',
      receivedOn: '2026-06-01',
      // 23:30 UTC is the next day in Morocco.
      answeredOn: '2026-06-03',
      outcome: 'full',
      grounds: [],
      summary: 'Le budget 2026 de la commune, communiqué en entier.',
      documents: [{ id: '0f1c3a9e-5b7d-4e2a-9c1b-3d5e7f9a1b2c', name: 'Budget.pdf', sizeBytes: MINIMAL_PDF.length, sha256 }],
      publishedAt: later.toISOString(),
    });
    expect(made.event).toMatchObject({ type: 'disclosed', by: agent });
    for (const trace of ['Bennani', 'AB123456', 'salma@example.ma', '4 rue de Fès']) expect(JSON.stringify(made.request.disclosure)).not.toContain(trace);
    expect(() => publishInDisclosureLog(made.request, { summary: 'Encore', documentIds: [] }, agent, later)).toThrow(InvalidStateError);
  });

  it("refuses without consent, before a full or partial answer, a summary naming the requester, and a document that is not released", () => {
    expect(() => publishInDisclosureLog(answeredWithDocument(undefined), { summary: 'Budget', documentIds: [] }, agent, later)).toThrow(InvalidStateError);
    expect(() => publishInDisclosureLog(answeredWithDocument(false), { summary: 'Budget', documentIds: [] }, agent, later)).toThrow(InvalidStateError);
    expect(() => publishInDisclosureLog(answeredWithDocument(true, 'refused'), { summary: 'Budget', documentIds: [] }, agent, later)).toThrow(InvalidStateError);
    expect(() => publishInDisclosureLog(opened(true), { summary: 'Budget', documentIds: [] }, agent, later)).toThrow(InvalidStateError);
    for (const summary of ['Demande de Mme BENNANI sur le budget', 'CNIE ab123456', 'écrire à Salma@example.ma']) {
      expect(() => publishInDisclosureLog(answeredWithDocument(true), { summary, documentIds: [] }, agent, later)).toThrow(ValidationFailedError);
    }
    expect(() => publishInDisclosureLog(answeredWithDocument(true), { summary: 'Budget', documentIds: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'] }, agent, later)).toThrow(ValidationFailedError);
  });
});
