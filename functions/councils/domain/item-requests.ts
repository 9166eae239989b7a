// Members' requests to add an item to the agenda: asked by a member in office while the agenda is open, then accepted
// by the president or the secretariat (the item joins the agenda with origin `members`) or refused with reasons. The
// requests stay in the session with their outcome, each step a change of the session (its version, a history
// event). Pure.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { invalidState, notFound } from './council-errors.ts';
import type { ItemType } from './council-settings.ts';
import { addAgendaItem, changed, requireAgendaOpen, type Actor, type Session, type SessionChange } from './session.ts';

export interface ItemRequest {
  /** 1 for the session's first request. */
  readonly number: number;
  readonly member: string;
  readonly title: string;
  readonly text: string;
  readonly itemType: ItemType;
  readonly public: boolean;
  readonly askedAt: string;
  readonly status: 'pending' | 'accepted' | 'refused';
  readonly decision?: { readonly at: string; readonly by: Actor; readonly reasons?: string; readonly itemNumber?: number };
}

export type RequestedItem = Pick<ItemRequest, 'title' | 'text' | 'itemType' | 'public'>;

export interface RequestDecision {
  readonly outcome: 'accepted' | 'refused';
  readonly reasons?: string;
}

/** A member asks for an item while the agenda is open (after it, `agenda-closed` as any item). */
export function requestItem(session: Session, member: string, item: RequestedItem, actor: Actor, now: Date): SessionChange {
  const requests = session.itemRequests ?? [];
  const request: ItemRequest = { number: requests.length + 1, member, ...item, askedAt: now.toISOString(), status: 'pending' };
  requireAgendaOpen(session);
  return changed(session, 'item-requested', actor, now, { itemRequests: [...requests, request] });
}

/** Accepted, the item joins the agenda with origin `members`; refused, the reasons are kept. Once only. */
export function decideItemRequest(session: Session, number: number, decision: RequestDecision, actor: Actor, now: Date): SessionChange {
  const request = (session.itemRequests ?? []).find((candidate) => candidate.number === number);
  if (!request) throw notFound({ ar: `لا طلب ${number}`, fr: `Aucune demande ${number}`, en: `No request ${number}` });
  if (request.status !== 'pending') {
    throw invalidState({ ar: `بُت في الطلب ${number} من قبل`, fr: `La demande ${number} est déjà tranchée`, en: `Request ${number} is decided already` });
  }
  const at = now.toISOString();
  if (decision.outcome === 'refused') {
    if (!decision.reasons) {
      throw new ValidationFailedError({ ar: 'يعلل الرفض', fr: 'Le refus est motivé', en: 'A refusal gives its reasons' }, { fieldIssues: [{ pointer: '/body/reasons', code: 'required', detail: { ar: 'مطلوب', fr: 'Requis', en: 'Required' } }] });
    }
    return changed(session, 'item-request-refused', actor, now, { itemRequests: replaced(session, { ...request, status: 'refused', decision: { at, by: actor, reasons: decision.reasons } }) });
  }
  const agenda = addAgendaItem(session, { title: request.title, text: request.text, itemType: request.itemType, public: request.public, origin: 'members' }, actor, now).session.agenda;
  const accepted: ItemRequest = { ...request, status: 'accepted', decision: { at, by: actor, itemNumber: agenda.length, ...(decision.reasons && { reasons: decision.reasons }) } };
  return changed(session, 'item-request-accepted', actor, now, { agenda, itemRequests: replaced(session, accepted) });
}

const replaced = (session: Session, request: ItemRequest) => (session.itemRequests ?? []).map((candidate) => (candidate.number === request.number ? request : candidate));

