// Members' replies to the convocation of a meeting, given ahead through the platform: attending, absent, or a proxy
// to another member in office. Each member's latest reply counts until the sitting opens; a proxy is refused to a
// non-member, to oneself, to a member who already holds one or is not coming, and from a member who holds one. At
// the opening, the proxies given ahead are the sitting's unless the room's record gives its own (`sittingProxies` in session.ts).
// Each reply is a change of the session (its version, a history event). Pure.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { CouncilBody } from './council-body.ts';
import { memberInOffice } from './council-body.ts';
import { invalidState, notMembers, ProxyAlreadyHeldError } from './council-errors.ts';
import type { Round } from './quorum.ts';
import { changed, repliesTo, type Actor, type Session, type SessionChange } from './session.ts';

export const REPLY_KINDS = ['attending', 'absent', 'proxy'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export interface AttendanceReply {
  readonly round: Round;
  readonly member: string;
  readonly reply: ReplyKind;
  /** The member in office who holds the proxy (`reply: proxy` only). */
  readonly proxyTo?: string;
  readonly at: string;
}

export interface ReplyGiven {
  readonly reply: ReplyKind;
  readonly proxyTo?: string;
}

/** The meeting a reply is for now: the one convened last, while its sitting has not opened. */
function openMeeting(session: Session): Round {
  if (session.status !== 'convened') {
    const opened = session.status === 'sitting' || session.status === 'closed' || session.status === 'adjourned';
    throw invalidState(
      opened
        ? { ar: 'افتتحت الجلسة: يسجل الحضور في القاعة', fr: 'La séance est ouverte : la présence se constate en salle', en: 'The sitting has opened: attendance is recorded in the room' }
        : { ar: 'لم تستدع هذه الدورة بعد', fr: "Cette session n'est pas encore convoquée", en: 'This session is not convened yet' },
    );
  }
  return session.convocations[session.convocations.length - 1]!.round;
}


/** The member `member` replies for the meeting convened last; their earlier reply to it is replaced. */
export function replyToConvocation(session: Session, body: CouncilBody, member: string, given: ReplyGiven, actor: Actor, now: Date): SessionChange {
  const round = openMeeting(session);
  const replies = repliesTo(session, round);
  const others = replies.filter((reply) => reply.member !== member);
  const holding = others.find((reply) => reply.reply === 'proxy' && reply.proxyTo === member);
  if (holding && given.reply !== 'attending') {
    throw invalidState({
      ar: `تحملون توكيلا من ${holding.member}: تحضرون لتمثيله، أو يسحب توكيله أولا`,
      fr: `Vous détenez la procuration de ${holding.member} : vous êtes présent pour la porter, ou elle est d'abord retirée`,
      en: `You hold the proxy of ${holding.member}: you attend to carry it, or it is withdrawn first`,
    });
  }
  if (given.reply === 'proxy') {
    const to = given.proxyTo;
    if (!to) throw new ValidationFailedError({ ar: 'يسمى حامل التوكيل', fr: 'Le porteur de la procuration est nommé', en: 'The holder of the proxy is named' }, { fieldIssues: [{ pointer: '/body/proxyTo', code: 'required', detail: { ar: 'مطلوب', fr: 'Requis', en: 'Required' } }] });
    if (to === member) throw new ValidationFailedError({ ar: 'لا يوكل العضو نفسه', fr: 'Un membre ne se donne pas procuration à lui-même', en: 'A member does not give a proxy to themselves' }, { fieldIssues: [{ pointer: '/body/proxyTo', code: 'self', detail: { ar: 'العضو نفسه', fr: 'Le membre lui-même', en: 'The member themselves' } }] });
    if (!memberInOffice(body, to)) throw notMembers([to], '/body/proxyTo');
    if (others.some((reply) => reply.reply === 'proxy' && reply.proxyTo === to)) {
      throw new ProxyAlreadyHeldError({ ar: `${to} يحمل توكيلا من قبل`, fr: `${to} détient déjà une procuration`, en: `${to} already holds a proxy` });
    }
    const holder = others.find((reply) => reply.member === to);
    if (holder && holder.reply !== 'attending') {
      throw invalidState({ ar: `أعلن ${to} أنه لن يحضر`, fr: `${to} a répondu qu'il ne serait pas présent`, en: `${to} replied they will not attend` });
    }
  }
  const reply: AttendanceReply = { round, member, reply: given.reply, ...(given.reply === 'proxy' && { proxyTo: given.proxyTo }), at: now.toISOString() };
  const kept = (session.replies ?? []).filter((candidate) => !(candidate.round === round && candidate.member === member));
  return changed(session, `attendance-reply-${given.reply}`, actor, now, { replies: [...kept, reply] });
}
