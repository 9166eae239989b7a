// The councils context's domain errors: each names a declared problem type and says in ar, fr and en what was refused.
import { DomainError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { COUNCILS_PROBLEMS } from '../councils.problems.ts';

export class OutsideOrdinaryMonthsError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['outside-ordinary-months'];
}
export class InitiativeNotQualifiedError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['initiative-not-qualified'];
}
export class AgendaClosedError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['agenda-closed'];
}
export class NoticeTooShortError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['notice-too-short'];
}
export class SittingOutsideWindowError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['sitting-outside-window'];
}
export class NotAMemberError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['not-a-member'];
}
export class VotedTwiceError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['voted-twice'];
}
export class ProxyAlreadyHeldError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['proxy-already-held'];
}
export class OppositionWindowClosedError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['opposition-window-closed'];
}

export class VisaPeriodPassedError extends DomainError {
  readonly problem = COUNCILS_PROBLEMS['visa-period-passed'];
}

export const notFound = (what: Localized) => new NotFoundError(what);
export const invalidState = (what: Localized) => new InvalidStateError(what);

export const unknownBody = (body: string) => notFound({ ar: `لا يوجد مجلس ${body}`, fr: `Aucun conseil ${body}`, en: `No council ${body}` });

export function notMembers(ids: readonly string[], pointer: string): NotAMemberError {
  return new NotAMemberError(
    { ar: `ليسوا أعضاء مزاولين: ${ids.join('، ')}`, fr: `Ne sont pas membres en exercice : ${ids.join(', ')}`, en: `Not members in office: ${ids.join(', ')}` },
    { fieldIssues: [{ pointer, code: 'not_a_member', detail: { ar: 'ليس عضوا مزاولا', fr: "N'est pas membre en exercice", en: 'Not a member in office' } }] },
  );
}
