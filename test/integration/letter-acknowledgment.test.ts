// The acknowledgment of an incoming letter on DynamoDB Local and the S3 server: issued by the consumer of
// letter.registered through the documents' register, once (a redelivery renders nothing), verified offline
// against the published keys and by the verification route, downloaded by whoever may read it, revoked by a
// clerk of its commune; the letter names it once issued.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeDocument } from '../../functions/documents/application/document-queries.use-cases.ts';
import { verifyDocument } from '../../functions/documents/application/verify-document.use-case.ts';
import type { PaperIssuing } from '../../functions/documents/public.ts';
import { renderAcknowledgment } from '../../functions/registry-office/adapters/acknowledgment-pdf.ts';
import { DynamoDbRegistryOfficeRepository } from '../../functions/registry-office/adapters/dynamodb-registry-office.repository.ts';
import { jitteredPause } from '../../functions/registry-office/adapters/jittered-pause.ts';
import { registryIdentifiers } from '../../functions/registry-office/adapters/registry-identifiers.ts';
import { acknowledgmentFile, issueAcknowledgment, type AcknowledgmentIssuing } from '../../functions/registry-office/application/acknowledgment.use-cases.ts';
import { getLetter } from '../../functions/registry-office/application/letter-queries.use-cases.ts';
import { registerIncomingLetter } from '../../functions/registry-office/application/register-letter.use-case.ts';
import type { RegistryOfficeDependencies } from '../../functions/registry-office/application/registry-office.ports.ts';
import { LETTER_REGISTERED, type Letter } from '../../functions/registry-office/domain/letter.ts';
import { registryOfficeService } from '../../functions/registry-office/registry-office.service.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { verifyCompactJws } from '../../functions/shared/signing/compact-jws.ts';
import { decodeQrCode, extractText, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';
import { localPapers } from './local-papers.ts';

const now = new Date('2026-06-15T09:15:42.500Z');
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const clerk: Principal = { sub: 'clerk-rabat', roles: ['clerk'], commune: 'rabat' };

let dependencies: RegistryOfficeDependencies;
let repository: DynamoDbRegistryOfficeRepository;
let table: string;
let issuing: PaperIssuing;
let papers: AcknowledgmentIssuing;
let verify: Parameters<typeof verifyDocument>[0];

async function lodged(subject: string): Promise<{ letter: Letter; event: DomainEvent }> {
  const { letter } = await registerIncomingLetter(
    dependencies,
    { commune: 'rabat', register: 'incoming', channel: 'online', lodgedBy: citizen.sub, subject, body: 'Monsieur le Président, ...', confidentiality: 'normal', priority: 'normal' },
    { sub: citizen.sub, role: 'citizen' },
    { now },
  );
  const event = (await outboxEventsAbout(table, letter.id)).find((candidate) => candidate.type === LETTER_REGISTERED)!;
  return { letter, event };
}

beforeAll(async () => {
  const names = await freshTablesWithReferenceData(registryOfficeService.tables ?? []);
  table = names['registry-office']!;
  repository = new DynamoDbRegistryOfficeRepository(localDocumentClient(), table, () => names.reference!);
  dependencies = { repository, identifiers: registryIdentifiers, pauseBeforeRetry: jitteredPause };
  const local = await localPapers('integration-acknowledgment');
  issuing = local.issuing;
  papers = { register: issuing, render: renderAcknowledgment };
  verify = { repository: local.register, signer: issuing.signer };
});

describe("an incoming letter's acknowledgment", () => {
  it('is issued once from letter.registered, and a redelivery renders nothing', async () => {
    const { letter, event } = await lodged('Éclairage public de la rue Oued Ziz');
    await expect(acknowledgmentFile(issuing, repository, letter.id, citizen)).rejects.toMatchObject({ code: 'not-found' });

    const issued = await issueAcknowledgment(repository, papers, event);
    expect(issued).toMatchObject({ kind: 'letter-acknowledgment', issuer: 'registry-office', subjectId: letter.id, commune: 'rabat', holder: citizen.sub, status: 'valid' });

    const render = vi.fn(papers.render);
    expect(await issueAcknowledgment(repository, { ...papers, render }, event)).toEqual(issued);
    expect(render).not.toHaveBeenCalled();
    // The letter names it, its version untouched by the consumer.
    const shown = await getLetter(repository, letter.id, citizen);
    expect(shown).toMatchObject({ version: letter.version, acknowledgment: { number: issued!.id, issuedAt: issued!.issuedAt, href: `/v1/registry/letters/${letter.id}/acknowledgment` } });
  });

  it('prints the letter and verifies offline against the published keys and by the verification route; a tampered code is tampered', async () => {
    const { letter, event } = await lodged('Réfection de la chaussée — إصلاح الطريق');
    const issued = (await issueAcknowledgment(repository, papers, event))!;

    const { pdf } = await acknowledgmentFile(issuing, repository, letter.id, citizen);
    const text = (await extractText(pdf)).map((item) => item.text).join(' ');
    for (const shown of [letter.number, '15/06/2026 10:15:42 (UTC+01:00)', 'Réfection de la chaussée', 'إصلاح الطريق', 'Commune de Rabat']) expect(text).toContain(shown);

    const qr = decodeQrCode(await pageOperators(pdf, 0))!;
    const claims = { dn: issued.id, k: 'letter-acknowledgment', ln: letter.number, cm: 'rabat', rg: 'incoming', rcv: '2026-06-15T10:15:42+01:00' };
    expect(verifyCompactJws(qr, await issuing.signer.verificationKeys())).toMatchObject({ outcome: 'valid', payload: claims });
    const context = { now, requestId: randomUUID() };
    expect(await verifyDocument(verify, qr, context)).toMatchObject({ valid: true, status: 'valid', claims });

    const [header, payload, signature] = qr.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), rcv: '2026-06-14T10:15:42+01:00' })).toString('base64url');
    expect(await verifyDocument(verify, `${header}.${forged}.${signature}`, context)).toEqual({ valid: false, status: 'tampered' });
  });

  it('is read by its sender and the commune’s clerks, not by an agent, and revoked by a clerk of its commune only, then refused', async () => {
    const { letter, event } = await lodged('Demande de raccordement');
    const issued = (await issueAcknowledgment(repository, papers, event))!;
    const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
    const otherCitizen: Principal = { sub: 'citizen-2', roles: ['citizen'] };
    for (const reader of [citizen, clerk, { sub: 'auditor-1', roles: ['auditor'] } satisfies Principal]) await expect(acknowledgmentFile(issuing, repository, letter.id, reader)).resolves.toBeDefined();
    for (const reader of [agent, otherCitizen]) await expect(acknowledgmentFile(issuing, repository, letter.id, reader)).rejects.toMatchObject({ code: 'forbidden' });

    const context = { now, requestId: randomUUID() };
    const fesClerk: Principal = { sub: 'clerk-fes', roles: ['clerk'], commune: 'fes' };
    await expect(revokeDocument(verify.repository, issued.id, 'Enregistré par erreur', fesClerk, context)).rejects.toMatchObject({ code: 'not-found' });
    const president: Principal = { sub: 'president-rabat', roles: ['president'], commune: 'rabat' };
    await expect(revokeDocument(verify.repository, issued.id, 'Enregistré par erreur', president, context)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeDocument(verify.repository, issued.id, 'Enregistré par erreur', clerk, context)).resolves.toMatchObject({ status: 'revoked', revokedBy: clerk.sub });

    await expect(acknowledgmentFile(issuing, repository, letter.id, citizen)).rejects.toMatchObject({ code: 'document-revoked' });
    expect((await verify.repository.revocations({ limit: 100 })).items.map((item) => item.id)).toContain(issued.id);
  });
});
