// The refusal letter of an access-to-information request on DynamoDB Local and the S3 server: the answer's
// transaction emits `information-request.refusal-decided`; its consumer issues the letter once through the documents'
// register (a redelivery renders nothing), printed in French and shaped Arabic with each ground, the part withheld and
// the recourse deadline, its QR code verifiable offline; read by whoever may read the request; none for a full answer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PaperIssuing } from '../../functions/documents/public.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { verifyCompactJws } from '../../functions/shared/signing/compact-jws.ts';
import { renderRefusalLetter } from '../../functions/transparency/adapters/refusal-letter-pdf.ts';
import { DynamoDbTransparencyRepository } from '../../functions/transparency/adapters/dynamodb-transparency.repository.ts';
import { transparencyIdentifiers } from '../../functions/transparency/adapters/transparency-identifiers.ts';
import { answer } from '../../functions/transparency/application/change-request.use-cases.ts';
import { fileRequest, type AskedInformation } from '../../functions/transparency/application/open-request.use-cases.ts';
import { issueRefusalLetter, refusalLetterFile, type RefusalLetterIssuing } from '../../functions/transparency/application/refusal-letter.use-cases.ts';
import { REFUSAL_DECIDED } from '../../functions/transparency/domain/refusal-letter.ts';
import { transparencyService } from '../../functions/transparency/transparency.service.ts';
import { decodeQrCode, extractText, pageOperators } from '../fixtures/pdf/pdf-reading.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';
import { localPapers } from './local-papers.ts';

const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
// Monday 15 June 2026, 10:00 in Morocco.
const now = new Date('2026-06-15T09:00:00Z');
const asked: AskedInformation = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  information: 'Le budget 2026 et les marchés de voirie',
  format: 'electronic',
};

let repository: DynamoDbTransparencyRepository;
let table: string;
let issuing: PaperIssuing;
let papers: RefusalLetterIssuing;

async function answered(key: string, given: Parameters<typeof answer>[2]) {
  const request = await fileRequest({ repository, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: key });
  await answer(repository, request.id, given, agent, now);
  return { request, events: await outboxEventsAbout(table, request.id) };
}

beforeAll(async () => {
  const names = await freshTablesWithReferenceData(transparencyService.tables ?? []);
  table = names.transparency!;
  repository = new DynamoDbTransparencyRepository(localDocumentClient(), table, () => names.reference!);
  issuing = (await localPapers('integration-refusal-letter')).issuing;
  papers = { register: issuing, render: renderRefusalLetter };
});

describe('the refusal letter of a request', () => {
  it('is issued once from the partial answer, prints the grounds and the recourse, and verifies offline', async () => {
    const withheld = [{ part: 'Les noms des fournisseurs', grounds: [{ ground: 'article-7-exception', reason: 'Données personnelles de tiers' }] }] as const;
    const { request, events } = await answered('letter-1', { outcome: 'partial', summary: 'Le budget est joint', format: 'electronic', withheld });
    const decided = events.find((event) => event.type === REFUSAL_DECIDED)!;
    await expect(refusalLetterFile(issuing, repository, request.id, citizen)).rejects.toMatchObject({ code: 'not-found' });

    const issued = await issueRefusalLetter(repository, papers, decided);
    expect(issued).toMatchObject({ kind: 'information-refusal-letter', issuer: 'transparency', subjectId: request.id, commune: 'rabat', holder: citizen.sub });
    const render = vi.fn(papers.render);
    expect(await issueRefusalLetter(repository, { ...papers, render }, decided)).toEqual(issued);
    expect(render).not.toHaveBeenCalled();

    const { pdf } = await refusalLetterFile(issuing, repository, request.id, citizen);
    const text = (await extractText(pdf)).map((item) => item.text).join(' ');
    // 20 working days from Monday 15 June 2026, the Hijri New Year (16 June in the demo holidays) skipped: Tuesday 14 July.
    for (const shown of ['Lettre de communication partielle', 'Les noms des fournisseurs', 'Données personnelles de tiers', "Exception de l'article 7", '14/07/2026', 'CDAI', 'استثناء', 'رئيس الجماعة']) expect(text).toContain(shown);
    // The letter runs to a second page, where its QR code closes it.
    const qr = decodeQrCode(await pageOperators(pdf, 1))!;
    expect(verifyCompactJws(qr, await issuing.signer.verificationKeys())).toMatchObject({ outcome: 'valid', payload: { dn: issued!.id, k: 'information-refusal-letter', rq: request.id, cm: 'rabat', oc: 'partial', gr: 'article-7-exception' } });
  });

  it('is read by the commune’s agents and not by another citizen; a full answer has none', async () => {
    const { request, events } = await answered('letter-2', { outcome: 'refused', grounds: [{ ground: 'not-held', reason: "La commune ne tient pas ce registre" }] });
    await issueRefusalLetter(repository, papers, events.find((event) => event.type === REFUSAL_DECIDED)!);
    await expect(refusalLetterFile(issuing, repository, request.id, agent)).resolves.toBeDefined();
    await expect(refusalLetterFile(issuing, repository, request.id, { sub: 'citizen-2', roles: ['citizen'] })).rejects.toMatchObject({ code: 'forbidden' });

    const full = await answered('letter-3', { outcome: 'full', summary: 'Tout est joint', format: 'electronic' });
    expect(full.events.map((event) => event.type)).not.toContain(REFUSAL_DECIDED);
    await expect(refusalLetterFile(issuing, repository, full.request.id, citizen)).rejects.toMatchObject({ code: 'not-found' });
  });
});
