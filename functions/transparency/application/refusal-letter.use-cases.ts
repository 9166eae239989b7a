// The refusal letter of a request refused or answered in part: issued by the consumer that follows the answer's
// `information-request.refusal-decided`, never inside the answering request, signed, rendered and stored once through
// the documents context's register of signed documents (so `POST /v1/verify` and the revocation list know it); the
// download route serves the stored file to whoever may read the request.
import { issuePaper, storedPaper, type PaperIssuing, type PaperReading, type RegisteredPaper } from '../../documents/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { mayRead } from '../domain/request-access.ts';
import { hasRefusalLetter, refusalLetterClaims, refusalLetterNumber, refusalLetterOf, REFUSAL_LETTER_KIND, type RefusalLetterContent } from '../domain/refusal-letter.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

export interface RefusalLetterIssuing {
  readonly register: PaperIssuing;
  readonly render: (content: RefusalLetterContent, signedClaims: string) => Promise<Uint8Array>;
}

/**
 * Issues the letter of the request the event names, dated at the answer: a redelivery finds it in the register,
 * which reads first, and renders nothing. A request whose answer has no letter (a full answer) gets none.
 */
export async function issueRefusalLetter(repository: Pick<TransparencyRepository, 'requestWithHolidays' | 'communeNames'>, papers: RefusalLetterIssuing, event: DomainEvent): Promise<RegisteredPaper | undefined> {
  const issuedAt = new Date(event.occurredAt);
  const year = Number(moroccanDate(issuedAt).slice(0, 4));
  // The complaint's filing period runs from the answer: it ends this year or the next.
  const { request, holidays } = await repository.requestWithHolidays(String(event.data.requestId), [year, year + 1]);
  if (!request || !hasRefusalLetter(request)) return undefined;
  const names = await repository.communeNames(request.commune);
  if (!names) throw new Error(`commune ${request.commune} of request ${request.id} is not in reference data`);
  const content = refusalLetterOf(request, { code: request.commune, names }, holidays, issuedAt);
  return issuePaper(
    papers.register,
    {
      document: { id: content.number, kind: REFUSAL_LETTER_KIND, subjectId: request.id, commune: request.commune, ...(request.filedBy && { holder: request.filedBy }) },
      claims: refusalLetterClaims(content),
      render: (signedClaims) => papers.render(content, signedClaims),
    },
    { now: issuedAt, by: request.answer!.by.sub, requestId: event.id },
  );
}

/** The stored letter of request `id`, for whoever may read the request; 404 for an answer without one, or until issued. */
export async function refusalLetterFile(papers: PaperReading, repository: Pick<TransparencyRepository, 'get'>, id: string, principal: Principal): Promise<{ document: RegisteredPaper; pdf: Uint8Array }> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  if (!mayRead(request, principal)) {
    throw new ForbiddenError({
      ar: 'لا يطلع على رسالة الرفض إلا صاحب الطلب وأعوان الجماعة والمراقبون',
      fr: 'La lettre de refus ne se lit que par le demandeur, les agents de la commune et les auditeurs',
      en: 'The refusal letter is read only by the requester, the agents of the commune and auditors',
    });
  }
  if (!hasRefusalLetter(request)) {
    throw new NotFoundError({
      ar: `لم يُرفض الطلب ${id} ولم يُجب عنه جزئيا: لا رسالة رفض له`,
      fr: `La demande ${id} n'est ni refusée ni satisfaite en partie : elle n'a pas de lettre de refus`,
      en: `Request ${id} is neither refused nor answered in part: it has no refusal letter`,
    });
  }
  return storedPaper(papers, refusalLetterNumber(request));
}
