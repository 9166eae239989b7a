// A session of a council: planned (ordinary in its months, or extraordinary on a qualified initiative), its agenda
// built then closed, convened with enough notice, its sittings opened with the attendance that decides the quorum
// (a sitting without it adjourns the session to the next meeting of article 42), its items voted, then closed.
// Each change returns the new session, its history event and the outbox events others follow. Pure.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { formatMoroccanInstant, startOfMoroccanDate } from '../../shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { AgendaPaper } from './agenda-papers.ts';
import type { AttendanceReply } from './attendance-replies.ts';
import type { ItemRequest } from './item-requests.ts';
import type { ConvocationReminder, TransmissionControl } from './control-clocks.ts';
import { memberInOffice, membersInOffice, oneThirdOf, presidentOf, type CouncilBody } from './council-body.ts';
import { AgendaClosedError, InitiativeNotQualifiedError, NoticeTooShortError, OutsideOrdinaryMonthsError, ProxyAlreadyHeldError, SittingOutsideWindowError, VotedTwiceError, invalidState, notMembers } from './council-errors.ts';
import type { CouncilSettings, ItemType } from './council-settings.ts';
import { countQuorum, daysBetween, secondMeetingWindow, thirdMeetingEarliest, type QuorumCount, type Round } from './quorum.ts';
import { decide, type NamedVote, type VoteResult } from './vote.ts';

export const SESSION_KINDS = ['ordinary', 'extraordinary'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const INITIATORS = ['president', 'members', 'governor'] as const;
export type Initiator = (typeof INITIATORS)[number];
export const ITEM_ORIGINS = ['president', 'members', 'governor', 'petition'] as const;
export type ItemOrigin = (typeof ITEM_ORIGINS)[number];
export const SESSION_STATUSES = ['planned', 'convened', 'adjourned', 'sitting', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface Actor {
  readonly sub: string;
  readonly role: string;
}

export interface AgendaItem {
  readonly number: number;
  readonly title: string;
  /** The draft resolution and its explanation: never published when the item is closed. */
  readonly text: string;
  readonly itemType: ItemType;
  readonly origin: ItemOrigin;
  /** `false`: examined in a closed sitting, without debate; only its decision is published. */
  readonly public: boolean;
  readonly addedAt: string;
  readonly decision?: { readonly deliberationId: string; readonly number: string; readonly outcome: VoteResult['outcome'] };
  /** Its papers, in the order declared (agenda-papers.ts). */
  readonly papers?: readonly AgendaPaper[];
}

export interface Proxy {
  /** The absent member who gave it. */
  readonly from: string;
  /** The present member who holds it. */
  readonly to: string;
}

export interface Sitting {
  readonly round: Round;
  readonly date: string;
  readonly openedAt: string;
  readonly present: readonly string[];
  readonly proxies: readonly Proxy[];
  readonly quorum: QuorumCount;
}

/** The meeting article 42 calls after a sitting without quorum, and its convocation drafted until it is sent. */
export interface NextMeeting {
  readonly round: 2 | 3;
  readonly earliest: string;
  /** The second meeting only: the last day it may be held. */
  readonly latest?: string;
  /** Same hour as the session, on the earliest day. */
  readonly proposedStart: string;
}

export interface Convocation {
  readonly round: Round;
  readonly convenedAt: string;
  readonly start: string;
  /** Calendar days between the convocation and the meeting day. */
  readonly noticeDays: number;
}

export interface Session {
  readonly id: string;
  readonly body: string;
  readonly kind: SessionKind;
  readonly initiative: { readonly by: Initiator; readonly members?: readonly string[] };
  readonly name: string;
  readonly location: string;
  /** The first meeting, in Moroccan time with its offset. */
  readonly start: string;
  readonly agenda: readonly AgendaItem[];
  readonly agendaClosedAt?: string;
  readonly convocations: readonly Convocation[];
  readonly sittings: readonly Sitting[];
  /** Members' requests to add an item, with their outcome (item-requests.ts). */
  readonly itemRequests?: readonly ItemRequest[];
  /** The members' replies to the convocations, given ahead (attendance-replies.ts): the latest per member and meeting. */
  readonly replies?: readonly AttendanceReply[];
  readonly next?: NextMeeting;
  readonly status: SessionStatus;
  readonly closedAt?: string;
  /** The transmission period of its deliberations, from the close (on the deadline-case kit). */
  readonly transmissionControl?: TransmissionControl;
  /** The reminder to the secretariat before the last day the convocation can be sent (on the deadline-case kit). */
  readonly convocationReminder?: ConvocationReminder;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface SessionEvent {
  readonly sessionId: string;
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly by: Actor;
}

export interface SessionChange {
  readonly session: Session;
  readonly event: SessionEvent;
  readonly outbox: readonly DomainEvent[];
}

export const SESSION_CONVENED = 'council.session-convened';
export const SESSION_ADJOURNED = 'council.session-adjourned';
/** A session closed: its minutes are rendered from it. */
export const SESSION_CLOSED = 'council.session-closed';

const dateOf = (instant: string) => moroccanDate(new Date(instant));

/** The session with `fields` changed, its next version and history event (for the changes of agenda-papers.ts too). */
export function changed(session: Session, type: string, actor: Actor, now: Date, fields: Partial<Session>, outbox: readonly DomainEvent[] = []): SessionChange {
  const at = now.toISOString();
  const next: Session = { ...session, ...fields, version: session.version + 1, updatedAt: at };
  return { session: next, event: { sessionId: session.id, version: next.version, type, at, by: actor }, outbox };
}

export interface SessionPlan {
  readonly kind: SessionKind;
  readonly initiative: { readonly by: Initiator; readonly members?: readonly string[] };
  readonly name: string;
  readonly location: string;
  readonly start: string;
}

export function planSession(id: string, plan: SessionPlan, body: CouncilBody, settings: CouncilSettings, actor: Actor, now: Date): SessionChange {
  const month = Number(dateOf(plan.start).slice(5, 7));
  if (actor.role === 'governor' && (plan.kind === 'ordinary' || plan.initiative.by !== 'governor')) {
    throw initiativeRefused("The governor's office asks only for an extraordinary session on the governor's initiative", "Le gouverneur ne demande qu'une session extraordinaire à son initiative", 'لا يطلب العامل إلا دورة استثنائية بمبادرته');
  }
  if (plan.kind === 'ordinary') {
    if (!settings.ordinaryMonths.includes(month)) {
      const months = settings.ordinaryMonths.join(', ');
      throw new OutsideOrdinaryMonthsError({
        ar: `الدورات العادية لهذا المجلس تنعقد في الأشهر ${months}، لا في الشهر ${month}؛ يمكن عقد دورة استثنائية`,
        fr: `Les sessions ordinaires de ce conseil se tiennent aux mois ${months}, pas au mois ${month} ; une session extraordinaire le peut`,
        en: `The ordinary sessions of this council are held in months ${months}, not in month ${month}; an extraordinary session may be`,
      });
    }
    if (plan.initiative.by !== 'president') throw initiativeRefused('An ordinary session is convened by the president');
  } else {
    checkInitiative(plan.initiative, body, actor);
  }
  if (Date.parse(plan.start) <= now.getTime()) {
    throw new ValidationFailedError(
      { ar: 'تاريخ الدورة مضى', fr: 'La date de la session est passée', en: 'The session date has passed' },
      { fieldIssues: [{ pointer: '/body/start', code: 'in_the_past', detail: { ar: 'تاريخ ماض', fr: 'Date passée', en: 'A past date' } }] },
    );
  }
  const at = now.toISOString();
  const session: Session = {
    id,
    body: body.id,
    kind: plan.kind,
    initiative: plan.initiative,
    name: plan.name,
    location: plan.location,
    start: formatMoroccanInstant(new Date(plan.start)),
    agenda: [],
    convocations: [],
    sittings: [],
    status: 'planned',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { session, event: { sessionId: id, version: 1, type: 'planned', at, by: actor }, outbox: [] };
}

function initiativeRefused(en: string, fr = en, ar = en): InitiativeNotQualifiedError {
  return new InitiativeNotQualifiedError({ ar, fr, en });
}

function checkInitiative(initiative: SessionPlan['initiative'], body: CouncilBody, actor: Actor): void {
  if (initiative.by === 'governor' && actor.role !== 'governor') {
    throw initiativeRefused("Only the governor's office asks for a session on the governor's initiative", "Seul le gouverneur demande une session à son initiative", 'لا يطلب دورة بمبادرة العامل إلا العامل');
  }
  if (initiative.by === 'members') {
    const asked = initiative.members ?? [];
    if (new Set(asked).size !== asked.length) throw new VotedTwiceError({ ar: 'عضو مكرر في الطلب', fr: 'Un membre figure deux fois dans la demande', en: 'A member is listed twice in the request' });
    const unknown = asked.filter((member) => !memberInOffice(body, member));
    if (unknown.length > 0) throw notMembers(unknown, '/body/initiative/members');
    const needed = oneThirdOf(membersInOffice(body).length);
    if (asked.length < needed) {
      throw initiativeRefused(
        `${asked.length} members asked; one third of the members in office is ${needed}`,
        `${asked.length} membres l'ont demandée ; le tiers des membres en exercice est ${needed}`,
        `طلبها ${asked.length} أعضاء؛ ثلث الأعضاء المزاولين هو ${needed}`,
      );
    }
  }
}

export interface NewItem {
  readonly title: string;
  readonly text: string;
  readonly itemType: ItemType;
  readonly origin: ItemOrigin;
  readonly public: boolean;
}

/** Refuses anything that adds to a closed agenda (an item, a member's request for one). */
export function requireAgendaOpen(session: Session): void {
  if (session.agendaClosedAt) {
    throw new AgendaClosedError({
      ar: `أغلق جدول أعمال هذه الدورة في ${session.agendaClosedAt}`,
      fr: `L'ordre du jour de cette session est clos depuis ${session.agendaClosedAt}`,
      en: `The agenda of this session was closed at ${session.agendaClosedAt}`,
    });
  }
}

export function addAgendaItem(session: Session, item: NewItem, actor: Actor, now: Date): SessionChange {
  requireAgendaOpen(session);
  const added: AgendaItem = { number: session.agenda.length + 1, ...item, addedAt: now.toISOString() };
  return changed(session, 'item-added', actor, now, { agenda: [...session.agenda, added] });
}

export function closeAgenda(session: Session, actor: Actor, now: Date): SessionChange {
  if (session.agendaClosedAt) return { session, event: { sessionId: session.id, version: session.version, type: 'agenda-closed', at: session.agendaClosedAt, by: actor }, outbox: [] };
  if (session.agenda.length === 0) throw invalidState({ ar: 'جدول الأعمال فارغ', fr: "L'ordre du jour est vide", en: 'The agenda is empty' });
  return changed(session, 'agenda-closed', actor, now, { agendaClosedAt: now.toISOString() });
}

/** Marks the session convened (its first meeting, or the meeting article 42 calls next): the convocations go out from its event. */
export function convene(session: Session, settings: CouncilSettings, actor: Actor, now: Date): SessionChange {
  const today = moroccanDate(now);
  if (session.status === 'planned') {
    if (!session.agendaClosedAt) throw invalidState({ ar: 'يغلق جدول الأعمال قبل الاستدعاء', fr: "L'ordre du jour se clôt avant la convocation", en: 'The agenda is closed before the convocation' });
    const noticeDays = daysBetween(today, dateOf(session.start));
    const required = settings.noticeDays[session.kind];
    if (noticeDays < required) {
      const short = required - noticeDays;
      throw new NoticeTooShortError({
        ar: `يلزم ${required} أيام على الأقل بين الاستدعاء والدورة؛ تبقى ${noticeDays}: ينقص ${short} أيام`,
        fr: `Il faut au moins ${required} jours entre la convocation et la session ; il en reste ${noticeDays} : il manque ${short} jours`,
        en: `At least ${required} days are needed between the convocation and the session; ${noticeDays} remain: ${short} days short`,
      });
    }
    return convened(session, { round: 1, convenedAt: now.toISOString(), start: session.start, noticeDays }, actor, now);
  }
  if (session.status === 'adjourned' && session.next) {
    const noticeDays = daysBetween(today, dateOf(session.next.proposedStart));
    return convened(session, { round: session.next.round, convenedAt: now.toISOString(), start: session.next.proposedStart, noticeDays }, actor, now);
  }
  throw invalidState({ ar: 'لا ينتظر هذه الدورة استدعاء', fr: "Aucune convocation n'est attendue pour cette session", en: 'No convocation is due for this session' });
}

function convened(session: Session, convocation: Convocation, actor: Actor, now: Date): SessionChange {
  const version = session.version + 1;
  const event = domainEvent({
    type: SESSION_CONVENED,
    source: 'councils',
    subject: session.id,
    occurredAt: now.toISOString(),
    version,
    data: { sessionId: session.id, body: session.body, round: convocation.round, start: convocation.start },
  });
  return changed(session, 'convened', actor, now, { status: 'convened', convocations: [...session.convocations, convocation] }, [event]);
}

export interface Attendance {
  readonly present: readonly string[];
  readonly proxies: readonly Proxy[];
}

/** The latest reply of each member to meeting `round`. */
export function repliesTo(session: Session, round: Round): AttendanceReply[] {
  return (session.replies ?? []).filter((reply) => reply.round === round);
}

/**
 * The proxies of the sitting of meeting `round`: the room's record when it gives one; otherwise those given ahead
 * (attendance-replies.ts) whose giver is not present and whose holder is: a proxy lapses when either is not so.
 */
export function sittingProxies(session: Session, round: Round, present: readonly string[], recorded: readonly Proxy[] | undefined): readonly Proxy[] {
  if (recorded) return recorded;
  const here = new Set(present);
  return repliesTo(session, round).flatMap((reply) => (reply.reply === 'proxy' && reply.proxyTo !== undefined && !here.has(reply.member) && here.has(reply.proxyTo) ? [{ from: reply.member, to: reply.proxyTo }] : []));
}

/** The room's record of a sitting: without `proxies`, the proxies the members gave ahead are taken. */
export interface RecordedAttendance {
  readonly present: readonly string[];
  readonly proxies?: readonly Proxy[];
}

function checkAttendance(body: CouncilBody, attendance: Attendance): void {
  const listed = [...attendance.present, ...attendance.proxies.map((proxy) => proxy.from)];
  const unknown = [...new Set([...listed, ...attendance.proxies.map((proxy) => proxy.to)])].filter((member) => !memberInOffice(body, member));
  if (unknown.length > 0) throw notMembers(unknown, '/body/present');
  if (new Set(listed).size !== listed.length) {
    throw new ValidationFailedError({ ar: 'عضو مذكور مرتين في الحضور', fr: 'Un membre figure deux fois dans la présence', en: 'A member is listed twice in the attendance' });
  }
  const present = new Set(attendance.present);
  const holders = new Set<string>();
  for (const proxy of attendance.proxies) {
    if (!present.has(proxy.to)) throw invalidState({ ar: 'يحمل التوكيل عضو حاضر', fr: 'Une procuration est portée par un membre présent', en: 'A proxy is held by a member present' });
    if (holders.has(proxy.to)) {
      throw new ProxyAlreadyHeldError({ ar: `${proxy.to} يحمل توكيلا من قبل`, fr: `${proxy.to} détient déjà une procuration`, en: `${proxy.to} already holds a proxy` });
    }
    holders.add(proxy.to);
  }
}

/** The instant at the session's hour on `date`. */
function sameHourOn(start: string, date: string): string {
  const sinceMidnight = Date.parse(start) - startOfMoroccanDate(dateOf(start)).getTime();
  return formatMoroccanInstant(new Date(startOfMoroccanDate(date).getTime() + sinceMidnight));
}

/** Opens a sitting with its attendance, recorded at once: the quorum decides whether it deliberates or adjourns. */
export function openSitting(session: Session, body: CouncilBody, settings: CouncilSettings, recorded: RecordedAttendance, holidays: ReadonlySet<string>, actor: Actor, now: Date): SessionChange {
  if (session.status !== 'convened') throw invalidState({ ar: 'لم تستدع الجلسة', fr: "La séance n'est pas convoquée", en: 'The sitting is not convened' });
  const round = (session.sittings.length + 1) as Round;
  const today = moroccanDate(now);
  const convocation = session.convocations[session.convocations.length - 1]!;
  const window = round === 1 ? { earliest: dateOf(session.start) } : { earliest: session.next!.earliest, latest: session.next!.latest };
  if (today < window.earliest || (window.latest !== undefined && today > window.latest)) {
    const span = window.latest ? `${window.earliest} – ${window.latest}` : `${window.earliest} →`;
    throw new SittingOutsideWindowError({
      ar: `الاجتماع ${round} ينعقد في ${span}، لا في ${today}`,
      fr: `La réunion ${round} se tient dans ${span}, pas le ${today}`,
      en: `Meeting ${round} is held within ${span}, not on ${today}`,
    });
  }
  const attendance: Attendance = { present: recorded.present, proxies: sittingProxies(session, round, recorded.present, recorded.proxies) };
  checkAttendance(body, attendance);
  const quorum = countQuorum(round, membersInOffice(body).length, attendance.present.length, attendance.proxies.length, settings.proxiesCountForQuorum);
  const sitting: Sitting = { round, date: today, openedAt: now.toISOString(), present: attendance.present, proxies: attendance.proxies, quorum };
  const sittings = [...session.sittings, sitting];
  if (quorum.mayDeliberate) return changed(session, 'sitting-opened', actor, now, { status: 'sitting', sittings, next: undefined });
  const window2 = round === 1 ? secondMeetingWindow(today) : undefined;
  const earliest = window2 ? window2.earliest : thirdMeetingEarliest(today, holidays);
  const next: NextMeeting = { round: round === 1 ? 2 : 3, earliest, ...(window2 && { latest: window2.latest }), proposedStart: sameHourOn(convocation.start, earliest) };
  const version = session.version + 1;
  const adjourned = domainEvent({ type: SESSION_ADJOURNED, source: 'councils', subject: session.id, occurredAt: now.toISOString(), version, data: { sessionId: session.id, body: session.body, round, next } });
  return changed(session, 'adjourned-without-quorum', actor, now, { status: 'adjourned', sittings, next }, [adjourned]);
}

export function currentSitting(session: Session): Sitting | undefined {
  return session.status === 'sitting' ? session.sittings[session.sittings.length - 1] : undefined;
}

export interface ItemVote {
  readonly item: AgendaItem;
  readonly votes: readonly NamedVote[];
  readonly result: VoteResult;
}

/**
 * Checks and counts the named votes on item `number`: each voter a member in office present at the sitting (or
 * voting by the proxy of an absent one), once; the members present who are not listed are counted as not voting.
 */
export function voteOnItem(session: Session, body: CouncilBody, settings: CouncilSettings, number: number, given: readonly NamedVote[]): ItemVote {
  const sitting = currentSitting(session);
  if (!sitting) throw invalidState({ ar: 'لا جلسة منعقدة', fr: "Aucune séance n'est ouverte", en: 'No sitting is open' });
  const item = session.agenda.find((candidate) => candidate.number === number);
  if (!item) throw invalidState({ ar: `لا نقطة ${number} في جدول الأعمال`, fr: `Pas de point ${number} à l'ordre du jour`, en: `No item ${number} on the agenda` });
  if (item.decision) {
    throw new VotedTwiceError({ ar: `صوت المجلس على النقطة ${number}`, fr: `Le conseil a déjà voté le point ${number}`, en: `The council already voted on item ${number}` });
  }
  const voters = given.map((vote) => vote.member);
  const twice = voters.filter((member, index) => voters.indexOf(member) !== index);
  if (twice.length > 0) throw new VotedTwiceError({ ar: `صوت مرتين: ${twice.join('، ')}`, fr: `Ont voté deux fois : ${twice.join(', ')}`, en: `Voted twice: ${twice.join(', ')}` });
  const unknown = voters.filter((member) => !memberInOffice(body, member));
  if (unknown.length > 0) throw notMembers(unknown, '/body/votes');
  const present = new Set(sitting.present);
  for (const vote of given) {
    const proxy = sitting.proxies.find((candidate) => candidate.from === vote.member);
    const allowed = vote.byProxyOf === undefined ? present.has(vote.member) : proxy !== undefined && proxy.to === vote.byProxyOf;
    if (!allowed) throw notMembers([vote.member], '/body/votes');
  }
  const silent = sitting.present.filter((member) => !voters.includes(member)).map((member): NamedVote => ({ member, choice: 'not-voting' }));
  const votes = [...given, ...silent];
  const president = presidentOf(body);
  const presidentChoice = president ? votes.find((vote) => vote.member === president.id && vote.byProxyOf === undefined)?.choice : undefined;
  const result = decide(votes, { rule: settings.majorityRules[item.itemType], inOffice: membersInOffice(body).length, presidentDecidesTie: settings.presidentDecidesTie, ...(presidentChoice && { presidentChoice }) });
  return { item, votes, result };
}

export function recordDecision(session: Session, vote: ItemVote, decision: NonNullable<AgendaItem['decision']>, actor: Actor, now: Date): SessionChange {
  const agenda = session.agenda.map((item) => (item.number === vote.item.number ? { ...item, decision } : item));
  return changed(session, 'item-decided', actor, now, { agenda });
}

export function closeSession(session: Session, actor: Actor, now: Date): SessionChange {
  if (session.status !== 'sitting') throw invalidState({ ar: 'لا تختتم إلا دورة منعقدة', fr: 'Seule une session en séance se clôt', en: 'Only a session sitting is closed' });
  const version = session.version + 1;
  const closed = domainEvent({ type: SESSION_CLOSED, source: 'councils', subject: session.id, occurredAt: now.toISOString(), version, data: { sessionId: session.id, body: session.body } });
  return changed(session, 'closed', actor, now, { status: 'closed', closedAt: now.toISOString() }, [closed]);
}
