// The written, reasoned refusal letter of a request refused or answered in part: the decision, each ground from the
// law's list with its reason (and, for a partial answer, the part it withholds), and the recourse open to the
// requester with its deadlines. Issued once, by the consumer of the answer's event, through the register of signed
// documents (its QR code verifiable offline); its content is drawn from the request, which the answer fixed. Pure.
import { createHash } from 'node:crypto';
import type { PaperKind } from '../../documents/public.ts';
import { domainEvent } from '../../shared/events/domain-event.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { InformationRequest, RequestChange } from './information-request.ts';
import { CDAI_FILING_DAYS, complaintFilingClock } from './recourse.ts';
import type { GroundStatement } from './refusal-grounds.ts';

export const REFUSAL_LETTER_KIND = 'information-refusal-letter' satisfies PaperKind;

/** Emitted with an answer that refuses or withholds: its letter is to be issued. */
export const REFUSAL_DECIDED = 'information-request.refusal-decided';

/** The letter's number in the register of signed documents: the whole request id, so no two requests share one. */
export function refusalLetterNumber(request: Pick<InformationRequest, 'id'>): string {
  return `RFL-${request.id.replace(/-/g, '').toUpperCase()}`;
}

/** Whether the request's answer has a refusal letter: a refusal, or a partial answer (its withheld parts). */
export function hasRefusalLetter(request: Pick<InformationRequest, 'answer'>): boolean {
  return request.answer?.outcome === 'refused' || request.answer?.outcome === 'partial';
}

/** The answer's change, with the event that has its letter issued when it refuses or withholds. */
export function withRefusalLetterDue(made: RequestChange): RequestChange {
  if (!hasRefusalLetter(made.request)) return made;
  const event = domainEvent({ type: REFUSAL_DECIDED, source: 'transparency', subject: made.request.id, occurredAt: made.event.at, version: made.request.version, data: { requestId: made.request.id } });
  return { ...made, outbox: [...(made.outbox ?? []), event] };
}

export interface RefusalLetterGround {
  /** The part withheld, for a partial answer; absent for a refusal (the whole request). */
  readonly part?: string;
  readonly statement: GroundStatement;
}

export interface RefusalLetterContent {
  readonly number: string;
  readonly requestId: string;
  readonly commune: { readonly code: string; readonly names: BilingualName };
  /** The requester as the request names them; a request handed over by the registry office names none. */
  readonly requester?: string;
  readonly receivedAt: string;
  readonly outcome: 'refused' | 'partial';
  readonly answeredAt: string;
  readonly grounds: readonly RefusalLetterGround[];
  readonly recourse: {
    /** The last day to complain to the head of the body, and the working days it was counted in (unconfirmed). */
    readonly complaintDueDate: string;
    readonly complaintFilingDays: number;
    /** The working days the head has to answer (unconfirmed). */
    readonly complaintAnswerDays: number;
    /** Calendar days to complain to the CDAI from the head's answer or its deadline passing (confirmed). */
    readonly cdaiDays: number;
  };
  readonly issuedAt: string;
}

/** The letter of a refused or partly answered request, its recourse counted with the holidays given. */
export function refusalLetterOf(request: InformationRequest, commune: RefusalLetterContent['commune'], holidays: ReadonlySet<string>, issuedAt: Date): RefusalLetterContent {
  const answer = request.answer;
  if (!answer || answer.outcome === 'full') throw new RangeError(`request ${request.id} has no refusal letter`);
  const grounds = answer.outcome === 'refused' ? answer.grounds.map((statement) => ({ statement })) : answer.withheld.flatMap(({ part, grounds: stated }) => stated.map((statement) => ({ part, statement })));
  const filing = complaintFilingClock(request, holidays);
  // Built field by field in a fixed order, so its JSON (the digest below) is canonical.
  return {
    number: refusalLetterNumber(request),
    requestId: request.id,
    commune: { code: commune.code, names: { ar: commune.names.ar, fr: commune.names.fr } },
    ...(request.requester && { requester: request.requester.name }),
    receivedAt: request.receivedAt,
    outcome: answer.outcome,
    answeredAt: answer.at,
    grounds,
    recourse: { complaintDueDate: filing.dueDate, complaintFilingDays: request.recoursePeriods.complaintFilingDays, complaintAnswerDays: request.recoursePeriods.complaintAnswerDays, cdaiDays: CDAI_FILING_DAYS },
    issuedAt: issuedAt.toISOString(),
  };
}

/** What the QR code signs besides the register's version, number and kind. */
export interface RefusalLetterClaims {
  readonly [claim: string]: string;
  /** The request's id. */
  readonly rq: string;
  /** The commune's code. */
  readonly cm: string;
  /** `refused` or `partial`. */
  readonly oc: string;
  /** The grounds' codes, comma-separated, in the letter's order. */
  readonly gr: string;
  /** SHA-256 (base64url) of the letter's data as printed: the reasons and the requester stay on paper. */
  readonly dg: string;
}

export function refusalLetterClaims(content: RefusalLetterContent): RefusalLetterClaims {
  return {
    rq: content.requestId,
    cm: content.commune.code,
    oc: content.outcome,
    gr: [...new Set(content.grounds.map(({ statement }) => statement.ground))].join(','),
    dg: createHash('sha256').update(JSON.stringify(content)).digest('base64url'),
  };
}
