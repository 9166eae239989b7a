// The disclosure log: with its requester's consent, an answered request is published for everyone, as the commune
// words it with no personal data, and with the released documents the agent names. Which words of free text are
// personal data cannot be told by a program, so the agent writes the published summary; the platform refuses one
// that carries the requester's identity (a name of theirs, their identity number, their e-mail address) and never
// publishes the request itself. Pure.
import { InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { change, type Actor, type InformationRequest, type RequestChange } from './information-request.ts';

/** What the log shows of a request: nothing that names its requester. */
export interface DisclosureEntry {
  readonly requestId: string;
  readonly commune: string;
  readonly receivedOn: string;
  readonly answeredOn: string;
  readonly outcome: 'full' | 'partial';
  /** The grounds of the parts withheld, for a partial answer. */
  readonly grounds: readonly string[];
  /** The request and its answer, as the commune publishes them. */
  readonly summary: string;
  /** The released documents published with it. */
  readonly documents: readonly { readonly id: string; readonly name: string; readonly sizeBytes: number; readonly sha256: string }[];
  readonly publishedAt: string;
}

export interface DisclosureRequest {
  readonly summary: string;
  readonly documentIds: readonly string[];
}

/** Words of a name shorter than this are not looked for in the summary (initials, particles such as «ben»). */
const SHORTEST_NAME_WORD = 4;

function refusedSummary(rule: Localized): ValidationFailedError {
  return new ValidationFailedError(rule, { fieldIssues: [{ pointer: '/body/summary', code: 'personal_data', detail: rule }] });
}

/** The requester's identity as it might be written in a summary: each long word of their name, their numbers. */
function identityTokens(request: InformationRequest): string[] {
  const requester = request.requester;
  if (!requester) return [];
  const words = requester.name.split(/[\s'’-]+/u).filter((word) => word.length >= SHORTEST_NAME_WORD);
  return [...words, requester.identityDocument.number, ...(requester.email ? [requester.email] : [])].map((token) => token.toLocaleLowerCase('fr'));
}

/**
 * An agent of its commune publishes an answered request (in full or in part) whose requester consented, once. The
 * documents must be released documents of the request that are stored and cleared by the malware scan.
 */
export function publishInDisclosureLog(request: InformationRequest, disclosure: DisclosureRequest, by: Actor, now: Date): RequestChange {
  if (request.disclosureConsent !== true) {
    throw new InvalidStateError({
      ar: 'لم يوافق صاحب الطلب على نشره في سجل الإفصاح',
      fr: "Le demandeur n'a pas consenti à la publication de sa demande au registre des communications",
      en: 'The requester did not consent to the request being published in the disclosure log',
    });
  }
  const answer = request.answer;
  if (!answer || answer.outcome === 'refused') {
    throw new InvalidStateError({ ar: 'لا يُنشر إلا طلب أجيب عنه كليا أو جزئيا', fr: "Seule une demande satisfaite en tout ou en partie se publie", en: 'Only a request answered in full or in part is published' });
  }
  if (request.disclosure) {
    throw new InvalidStateError({ ar: 'نُشر هذا الطلب من قبل', fr: 'Cette demande est déjà publiée', en: 'This request is published already' });
  }
  const summary = disclosure.summary.toLocaleLowerCase('fr');
  if (identityTokens(request).some((token) => summary.includes(token))) {
    throw refusedSummary({
      ar: 'يتضمن الملخص هوية صاحب الطلب (اسمه أو رقم وثيقته أو بريده)؛ احذفوها قبل النشر',
      fr: "Le résumé contient l'identité du demandeur (un nom, le numéro de sa pièce, son adresse électronique) ; retirez-la avant de publier",
      en: "The summary carries the requester's identity (a name, their document number, their e-mail address); remove it before publishing",
    });
  }
  const documents = disclosure.documentIds.map((documentId) => {
    const document = (request.releasedDocuments ?? []).find((candidate) => candidate.id === documentId);
    if (!document || document.status !== 'stored' || !(document.scan === 'clean' || document.scan === 'not-scanned')) {
      throw new ValidationFailedError(
        { ar: `الوثيقة ${documentId} ليست وثيقة مسلمة ومفحوصة لهذا الطلب`, fr: `Le document ${documentId} n'est pas un document communiqué et analysé de cette demande`, en: `Document ${documentId} is not a released, scanned document of this request` },
        { fieldIssues: [{ pointer: '/body/documentIds', code: 'invalid_value', detail: { ar: 'وثيقة غير متاحة', fr: 'Document indisponible', en: 'Document not available' } }] },
      );
    }
    return { id: document.id, name: document.name, sizeBytes: document.sizeBytes, sha256: document.sha256 };
  });
  const entry: DisclosureEntry = {
    requestId: request.id,
    commune: request.commune,
    receivedOn: request.receivedAt.slice(0, 10),
    answeredOn: moroccanDate(new Date(answer.at)),
    outcome: answer.outcome,
    grounds: answer.outcome === 'partial' ? [...new Set(answer.withheld.flatMap((part) => part.grounds.map(({ ground }) => ground)))] : [],
    summary: disclosure.summary,
    documents,
    publishedAt: now.toISOString(),
  };
  return change(request, { disclosure: entry }, 'disclosed', by, now, { documents: documents.map((document) => document.id) });
}
