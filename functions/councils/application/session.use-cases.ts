// A council's sessions: planned, their agenda built and closed, convened, their sittings opened with the attendance,
// the members' replies to their convocations, their items voted into numbered deliberations, closed (the
// transmission period starting). Each reads what it needs in one BatchGetItem and writes
// its change in one transaction.
import type { Principal } from '../../shared/auth/principal.ts';
import { ConflictError, ForbiddenError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { replyToConvocation, type ReplyGiven } from '../domain/attendance-replies.ts';
import { decideItemRequest, requestItem, type RequestDecision, type RequestedItem } from '../domain/item-requests.ts';
import { membersInOffice, type CouncilBody } from '../domain/council-body.ts';
import { notFound, unknownBody } from '../domain/council-errors.ts';
import { defaultCouncilSettings, type CouncilSettings } from '../domain/council-settings.ts';
import { adoptDeliberation, deliberationIdOf, type Deliberation } from '../domain/deliberation.ts';
import {
  addAgendaItem,
  closeAgenda,
  closeSession,
  convene,
  openSitting,
  planSession,
  recordDecision,
  voteOnItem,
  type Actor,
  type RecordedAttendance,
  type NewItem,
  type Session,
  type SessionChange,
  type SessionPlan,
} from '../domain/session.ts';
import type { NamedVote } from '../domain/vote.ts';
import { withConvocationReminder, withNextMeetingReminder, withTransmissionPeriod } from '../domain/control-clocks.ts';
import { actorFor, type AccessCheck } from './council-access.ts';
import type { BodyContextRequest, CouncilsRepository } from './councils.ports.ts';

const SECRETARIAT = ['council-secretary', 'president'] as const;

interface Loaded {
  readonly body: CouncilBody;
  readonly settings: CouncilSettings;
  readonly session: Session;
  readonly holidays: ReadonlySet<string>;
  readonly counter?: number;
}

/** The session with what its step needs; `access`, when given, is checked on the body before the session's existence is told. */
async function load(repository: CouncilsRepository, bodyId: string, sessionId: string, request: Omit<BodyContextRequest, 'sessionId'> = {}, access?: AccessCheck): Promise<Loaded> {
  const context = await repository.bodyContext(bodyId, { sessionId, ...request });
  if (!context.body) throw unknownBody(bodyId);
  if (access) actorFor(access.principal, context.body, access.roles);
  if (!context.session) throw notFound({ ar: `لا دورة ${sessionId}`, fr: `Aucune session ${sessionId}`, en: `No session ${sessionId}` });
  return {
    body: context.body,
    settings: context.settings ?? defaultCouncilSettings(bodyId, context.body.type),
    session: context.session,
    holidays: context.holidays,
    ...(context.counter !== undefined && { counter: context.counter }),
  };
}

async function saved(repository: CouncilsRepository, before: Session, change: SessionChange): Promise<Session> {
  if (change.session.version !== before.version) await repository.saveSession(change);
  return change.session;
}

export async function planCouncilSession(repository: CouncilsRepository, bodyId: string, id: string, plan: SessionPlan, principal: Principal, now: Date): Promise<{ session: Session; created: boolean }> {
  const context = await repository.bodyContext(bodyId, { sessionId: id });
  if (!context.body) throw unknownBody(bodyId);
  const actor = actorFor(principal, context.body, ['council-secretary', 'president', 'governor']);
  if (context.session) return { session: context.session, created: false };
  const settings = context.settings ?? defaultCouncilSettings(bodyId, context.body.type);
  const planned = planSession(id, plan, context.body, settings, actor, now);
  // The secretariat (or the president) who planned it is reminded of the convocation deadline; a session the
  // governor asked for is convened by the secretariat on its own initiative, unreminded.
  const change = actor.role === 'governor' ? planned : withConvocationReminder(planned, settings, actor, now);
  const outcome = await repository.saveSession(change);
  if (outcome === 'exists') return { session: (await repository.session(id))!, created: false };
  return { session: change.session, created: true };
}

export async function readSession(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal): Promise<Session> {
  // The governor's scope is the body's territory: checked once the body is read.
  return (await load(repository, bodyId, id, {}, { principal, roles: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'] })).session;
}

export async function addItem(repository: CouncilsRepository, bodyId: string, id: string, item: NewItem, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const { session } = await load(repository, bodyId, id);
  return saved(repository, session, addAgendaItem(session, item, actor, now));
}

export async function closeSessionAgenda(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const { session } = await load(repository, bodyId, id);
  return saved(repository, session, closeAgenda(session, actor, now));
}

export async function conveneSession(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const { session, settings } = await load(repository, bodyId, id);
  return saved(repository, session, convene(session, settings, actor, now));
}

export async function openCouncilSitting(repository: CouncilsRepository, bodyId: string, id: string, attendance: RecordedAttendance, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const year = Number(moroccanDate(now).slice(0, 4));
  const { session, body, settings, holidays } = await load(repository, bodyId, id, { holidayYears: [year, year + 1] });
  return saved(repository, session, withNextMeetingReminder(openSitting(session, body, settings, attendance, holidays, actor, now), actor, now));
}

export async function voteItem(repository: CouncilsRepository, bodyId: string, id: string, number: number, votes: readonly NamedVote[], principal: Principal, now: Date): Promise<Deliberation> {
  const actor: Actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const year = Number(moroccanDate(now).slice(0, 4));
  const { session, body, settings, counter } = await load(repository, bodyId, id, { counterYear: year });
  const vote = voteOnItem(session, body, settings, number, votes);
  const sequence = (counter ?? 0) + 1;
  const deliberation = adoptDeliberation(session, vote, sequence, year, actor, now);
  const sessionChange = recordDecision(session, vote, { deliberationId: deliberationIdOf(session.id, number), number: deliberation.deliberation.number, outcome: vote.result.outcome }, actor, now);
  await repository.saveDecision(sessionChange, deliberation, sequence);
  return deliberation.deliberation;
}

export async function closeCouncilSession(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const year = Number(moroccanDate(now).slice(0, 4));
  const { session, settings, holidays } = await load(repository, bodyId, id, { holidayYears: [year, year + 1] });
  return saved(repository, session, withTransmissionPeriod(closeSession(session, actor, now), settings, holidays, actor, now));
}

/** The member in office the principal signs in as (their `sub` in the body), refused otherwise. */
function memberOf(body: CouncilBody, principal: Principal): string {
  const member = membersInOffice(body).find((candidate) => candidate.sub === principal.sub);
  if (!member) {
    throw new ForbiddenError({ ar: 'لستم عضوا مزاولا بهذا المجلس', fr: "Vous n'êtes pas membre en exercice de ce conseil", en: 'You are not a member in office of this council' });
  }
  return member.id;
}

/** A member asks for an item to be added while the agenda is open. */
export async function requestAgendaItem(repository: CouncilsRepository, bodyId: string, id: string, item: RequestedItem, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, ['council-member']);
  const { session, body } = await load(repository, bodyId, id);
  return saved(repository, session, requestItem(session, memberOf(body, principal), item, actor, now));
}

/** The president or the secretariat accepts a member's request (the item joins the agenda) or refuses it with reasons. */
export async function decideAgendaItemRequest(repository: CouncilsRepository, bodyId: string, id: string, number: number, decision: RequestDecision, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, [...SECRETARIAT]);
  const { session } = await load(repository, bodyId, id);
  return saved(repository, session, decideItemRequest(session, number, decision, actor, now));
}

/** How many times a reply is tried again when another member's reply got in first (sixty may answer at once). */
const REPLY_ATTEMPTS = 3;

/**
 * A member replies to the convocation of the meeting convened last (attending, absent, or a proxy to another member
 * in office). Replies are kept in the session item, so the sitting reads them with it; a reply that lost the race
 * with another is read and tried again.
 */
export async function replyToCouncilConvocation(repository: CouncilsRepository, bodyId: string, id: string, given: ReplyGiven, principal: Principal, now: Date): Promise<Session> {
  const actor = actorFor(principal, bodyId, ['council-member']);
  for (let attempt = 1; ; attempt += 1) {
    const { session, body } = await load(repository, bodyId, id);
    try {
      return await saved(repository, session, replyToConvocation(session, body, memberOf(body, principal), given, actor, now));
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === REPLY_ATTEMPTS) throw error;
    }
  }
}
