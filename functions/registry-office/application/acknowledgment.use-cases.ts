// The sender's signed acknowledgment: issued by the consumer that follows `letter.registered`, never inside the
// registering request (which must stay one transaction, and whose sender is told the number at once), signed,
// rendered and stored once through the documents context's register of signed documents, so that
// `POST /v1/verify`, the revocation list and the revoke route know it; the download route serves the stored file.
import { issuePaper, storedPaper, type PaperIssuing, type PaperReading, type RegisteredPaper } from '../../documents/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { ACKNOWLEDGMENT_KIND, acknowledgmentClaims, acknowledgmentNumber, acknowledgmentOf, isAcknowledged, type AcknowledgmentContent } from '../domain/acknowledgment.ts';
import { mayReadAcknowledgment } from '../domain/letter-access.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

export interface AcknowledgmentIssuing {
  readonly register: PaperIssuing;
  readonly render: (content: AcknowledgmentContent, signedClaims: string) => Promise<Uint8Array>;
}

/**
 * Issues the acknowledgment of the letter `letter.registered` names, dated at its registration: a redelivery
 * finds it in the register, which reads first, and renders nothing. An internal or outgoing letter has none.
 */
export async function issueAcknowledgment(repository: RegistryOfficeRepository, papers: AcknowledgmentIssuing, event: DomainEvent): Promise<RegisteredPaper | undefined> {
  const found = await repository.letterWithCommune(String(event.data.letterId));
  if (!found || !isAcknowledged(found.letter)) return undefined;
  const { letter, commune } = found;
  const issuedAt = new Date(event.occurredAt);
  const content = acknowledgmentOf(letter, commune, issuedAt);
  const issued = await issuePaper(
    papers.register,
    {
      document: { id: content.number, kind: ACKNOWLEDGMENT_KIND, subjectId: letter.id, commune: letter.commune, ...(letter.lodgedBy && { holder: letter.lodgedBy }) },
      claims: acknowledgmentClaims(content),
      render: (signedClaims) => papers.render(content, signedClaims),
    },
    { now: issuedAt, by: letter.lodgedBy ?? letter.registeredBy.sub, requestId: event.id },
  );
  // Beside the letter, never on it: the letter's version stays the clerks' and the recipient's.
  await repository.recordAcknowledgment(letter.id, { number: issued.id, issuedAt: issued.issuedAt });
  return issued;
}

/** The stored acknowledgment of letter `id`, for its sender signed in, the commune's clerks and auditors. */
export async function acknowledgmentFile(papers: PaperReading, repository: RegistryOfficeRepository, id: string, principal: Principal): Promise<{ document: RegisteredPaper; pdf: Uint8Array }> {
  const letter = await repository.get(id);
  if (!letter) throw unknownLetter(id);
  if (!mayReadAcknowledgment(letter, principal)) {
    throw new ForbiddenError({
      ar: 'لا يطلع على إشعار التوصل إلا مرسل الرسالة ومكتب الضبط والمراقبون',
      fr: "L'accusé de réception n'est lisible que par l'expéditeur du courrier, le bureau d'ordre et les auditeurs",
      en: 'The acknowledgment is read only by the letter’s sender, the registry office and the auditors',
    });
  }
  if (!isAcknowledged(letter)) {
    throw new NotFoundError({
      ar: `الرسالة ${letter.number} ليست واردة: لا إشعار بتوصلها`,
      fr: `Le courrier ${letter.number} n'est pas un courrier arrivé : il n'a pas d'accusé de réception`,
      en: `Letter ${letter.number} is not an incoming letter: it has no acknowledgment`,
    });
  }
  return storedPaper(papers, acknowledgmentNumber(letter));
}
