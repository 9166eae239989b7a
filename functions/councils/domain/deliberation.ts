// A deliberation: the decision of the council on one agenda item, numbered per collectivity and year, with its named
// votes, counts and the rule applied; then under the governor's legality control: transmitted within N working days
// of the session's close, received, opposed with reasons within N working days of the receipt, examined again by
// the council (maintained or withdrawn), referred to the administrative court; the visa of an item type that needs one
// given or refused by the governor. Whether it is enforceable is derived
// from that state and the opposition clock, never stored. Pure.
import { clockStatusAt, startClock, type CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { OppositionWindowClosedError, VisaPeriodPassedError, invalidState } from './council-errors.ts';
import type { CouncilSettings, ItemType } from './council-settings.ts';
import type { Actor, ItemVote, Session } from './session.ts';
import type { NamedVote, VoteResult } from './vote.ts';
import { CONTROL_EVENTS, controlWatched, deliberationSubject, enforceableSinceAt, visaControlAt, visaOf, type VisaControl } from './control-clocks.ts';

export const CONTROL_STATES = ['adopted', 'transmitted', 'received', 'opposed', 'maintained', 'withdrawn', 'referred-to-court'] as const;
export type ControlState = (typeof CONTROL_STATES)[number];

export interface Deliberation {
  readonly id: string;
  readonly body: string;
  readonly sessionId: string;
  readonly itemNumber: number;
  /** `<year>/<n>`: gapless per collectivity and year. */
  readonly number: string;
  readonly year: number;
  readonly title: string;
  readonly itemType: ItemType;
  readonly public: boolean;
  /** The resolution voted: never published when the item was examined in a closed sitting. */
  readonly text: string;
  readonly votes: readonly NamedVote[];
  readonly result: VoteResult;
  readonly adoptedAt: string;
  readonly state: ControlState;
  readonly transmission?: { readonly at: string; readonly by: Actor; readonly clock: CaseClock; readonly inTime: boolean };
  readonly receipt?: { readonly at: string; readonly by: Actor; readonly oppositionClock: CaseClock };
  /** The visa period of an item type that needs one, from the receipt. */
  readonly visa?: VisaControl;
  /** When the check recorded that the opposition window passed without opposition. */
  readonly oppositionPassedAt?: string;
  /** Recorded by the check when the window (and any visa period) passed without opposition. */
  readonly enforceableSince?: string;
  readonly opposition?: { readonly at: string; readonly by: Actor; readonly reasons: string };
  readonly reexamination?: { readonly at: string; readonly by: Actor; readonly outcome: 'maintained' | 'withdrawn' };
  readonly courtReferral?: { readonly at: string; readonly by: Actor; readonly court: string; readonly reference: string };
  readonly version: number;
  readonly updatedAt: string;
}

export interface DeliberationEvent {
  readonly deliberationId: string;
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly by: Actor;
}

export interface DeliberationChange {
  readonly deliberation: Deliberation;
  readonly event: DeliberationEvent;
  readonly outbox: readonly DomainEvent[];
}

/** For the transparency catalogue and anyone publishing decisions: the decision, never a closed item's text. */
export const DELIBERATION_ADOPTED = 'council.deliberation-adopted';

/** What the event says of the decision. */
export interface DeliberationAdopted extends Readonly<Record<string, unknown>> {
  readonly deliberationId: string;
  /** The council's collectivity code (a commune's council: the commune's code). */
  readonly body: string;
  /** `<year>/<sequence>`, numbered without gaps per collectivity and year. */
  readonly number: string;
  /** A public item's title; none for a closed item. */
  readonly title?: string;
  readonly public: boolean;
  readonly outcome: 'adopted' | 'rejected';
  readonly counts: Readonly<Record<string, number>>;
  readonly rule: string;
}

export const deliberationIdOf = (sessionId: string, itemNumber: number) => `${sessionId}.${itemNumber}`;

export function adoptDeliberation(session: Session, vote: ItemVote, sequence: number, year: number, actor: Actor, now: Date): DeliberationChange {
  const at = now.toISOString();
  const deliberation: Deliberation = {
    id: deliberationIdOf(session.id, vote.item.number),
    body: session.body,
    sessionId: session.id,
    itemNumber: vote.item.number,
    number: `${year}/${sequence}`,
    year,
    title: vote.item.title,
    itemType: vote.item.itemType,
    public: vote.item.public,
    text: vote.item.text,
    votes: vote.votes,
    result: vote.result,
    adoptedAt: at,
    state: 'adopted',
    version: 1,
    updatedAt: at,
  };
  const published = domainEvent({
    type: DELIBERATION_ADOPTED,
    source: 'councils',
    subject: deliberation.id,
    occurredAt: at,
    version: 1,
    data: {
      deliberationId: deliberation.id,
      body: deliberation.body,
      number: deliberation.number,
      // A closed item's title stays with its text: other contexts learn only that it was decided, and how.
      ...(deliberation.public && { title: deliberation.title }),
      public: deliberation.public,
      outcome: vote.result.outcome,
      counts: vote.result.counts,
      rule: vote.result.rule,
    } satisfies DeliberationAdopted,
  });
  return { deliberation, event: { deliberationId: deliberation.id, version: 1, type: 'adopted', at, by: actor }, outbox: [published] };
}

function changed(deliberation: Deliberation, type: string, actor: Actor, now: Date, fields: Partial<Deliberation>): DeliberationChange {
  const at = now.toISOString();
  const next: Deliberation = { ...deliberation, ...fields, version: deliberation.version + 1, updatedAt: at };
  return { deliberation: next, event: { deliberationId: deliberation.id, version: next.version, type, at, by: actor }, outbox: [] };
}

function requireState(deliberation: Deliberation, state: ControlState, what: string): void {
  if (deliberation.state !== state) {
    throw invalidState({ ar: `المداولة في حالة ${deliberation.state}`, fr: `La délibération est à l'état ${deliberation.state} : ${what} attend l'état ${state}`, en: `The deliberation is ${deliberation.state}: ${what} needs it ${state}` });
  }
}

export function transmit(deliberation: Deliberation, session: Session, settings: CouncilSettings, holidays: ReadonlySet<string>, actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'adopted', 'transmission');
  if (!session.closedAt) throw invalidState({ ar: 'تحال المداولات بعد اختتام الدورة', fr: 'Les délibérations se transmettent après la clôture de la session', en: 'Deliberations are transmitted after the session closes' });
  // The session's period as its control case counts it (recounted when holidays change); counted here for a
  // session closed before the control cases existed.
  const clock = session.transmissionControl?.clock ?? startClock({ days: settings.transmissionDays, unit: 'working' }, new Date(session.closedAt), holidays);
  const inTime = clockStatusAt(clock, 'open', now) !== 'lapsed';
  return changed(deliberation, 'transmitted', actor, now, { state: 'transmitted', transmission: { at: now.toISOString(), by: actor, clock, inTime } });
}

export function receive(deliberation: Deliberation, settings: CouncilSettings, holidays: ReadonlySet<string>, actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'transmitted', 'the receipt');
  const oppositionClock = startClock({ days: settings.oppositionDays, unit: 'working' }, now, holidays);
  // A rejection has nothing to approve: only an adopted deliberation waits for a visa.
  const visa = deliberation.result.outcome === 'adopted' ? visaControlAt(deliberation.itemType, visaOf(settings), holidays, now) : undefined;
  const made = changed(deliberation, 'received', actor, now, { state: 'received', receipt: { at: now.toISOString(), by: actor, oppositionClock }, ...(visa && { visa }) });
  return { ...made, outbox: [controlWatched(deliberationSubject(deliberation.id), made.deliberation.version, now)] };
}

export function oppose(deliberation: Deliberation, reasons: string, actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'received', 'an opposition');
  const clock = deliberation.receipt!.oppositionClock;
  if (clockStatusAt(clock, 'open', now) === 'lapsed') {
    throw new OppositionWindowClosedError({
      ar: `انقضى أجل التعرض في ${clock.dueDate}`,
      fr: `Le délai d'opposition a expiré le ${clock.dueDate}`,
      en: `The period for opposition ended on ${clock.dueDate}`,
    });
  }
  return changed(deliberation, 'opposed', actor, now, { state: 'opposed', opposition: { at: now.toISOString(), by: actor, reasons } });
}

export function reexamine(deliberation: Deliberation, outcome: 'maintained' | 'withdrawn', actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'opposed', 'a new examination');
  return changed(deliberation, outcome, actor, now, { state: outcome, reexamination: { at: now.toISOString(), by: actor, outcome } });
}

export function referToCourt(deliberation: Deliberation, court: string, reference: string, actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'maintained', 'a referral to the court');
  return changed(deliberation, 'referred-to-court', actor, now, { state: 'referred-to-court', courtReferral: { at: now.toISOString(), by: actor, court, reference } });
}

export interface VisaDecision {
  readonly outcome: 'given' | 'refused';
  readonly reasons?: string;
}

/**
 * The governor's visa on a received deliberation whose item type needs one: given (within its period it ends it, and
 * with the opposition window passed the deliberation is enforceable at once; after it, recorded, the visa having been
 * given tacitly) or refused with reasons within the period only (after it: 409). Once only. A refused visa leaves
 * the deliberation never enforceable. Our reading of 112-14, to be confirmed.
 */
export function decideVisa(deliberation: Deliberation, decision: VisaDecision, actor: Actor, now: Date): DeliberationChange {
  requireState(deliberation, 'received', 'a visa');
  const visa = deliberation.visa;
  if (!visa) throw invalidState({ ar: 'لا تحتاج هذه المداولة إلى تأشيرة', fr: "Cette délibération n'est pas soumise au visa", en: 'This deliberation needs no visa' });
  if (visa.decision) throw invalidState({ ar: 'بُت في التأشيرة من قبل', fr: 'Le visa est déjà décidé', en: 'The visa is decided already' });
  const inTime = !visa.passedAt && clockStatusAt(visa.clock, 'open', now) !== 'lapsed';
  if (decision.outcome === 'refused') {
    if (!inTime) {
      throw new VisaPeriodPassedError({
        ar: `انقضى أجل التأشيرة في ${visa.clock.dueDate}: تعتبر ممنوحة`,
        fr: `Le délai du visa a expiré le ${visa.clock.dueDate} : il est réputé accordé`,
        en: `The visa period ended on ${visa.clock.dueDate}: the visa is deemed given`,
      });
    }
    if (!decision.reasons) {
      throw new ValidationFailedError({ ar: 'يعلل رفض التأشيرة', fr: 'Le refus du visa est motivé', en: 'A refused visa gives its reasons' }, { fieldIssues: [{ pointer: '/body/reasons', code: 'required', detail: { ar: 'مطلوب', fr: 'Requis', en: 'Required' } }] });
    }
  }
  const at = now.toISOString();
  const decided: VisaControl = { ...visa, decision: { outcome: decision.outcome, at, by: actor, ...(decision.reasons && { reasons: decision.reasons }), inTime } };
  const made = changed(deliberation, `visa-${decision.outcome}`, actor, now, { visa: decided });
  const since = deliberation.enforceableSince ? undefined : enforceableSinceAt(made.deliberation, now);
  if (!since) return made;
  const next: Deliberation = { ...made.deliberation, enforceableSince: since };
  const enforceable = domainEvent({ type: CONTROL_EVENTS.enforceable, source: 'councils', subject: deliberation.id, occurredAt: at, version: next.version, data: { deliberationId: deliberation.id, body: deliberation.body, number: deliberation.number, since } });
  return { deliberation: next, event: made.event, outbox: [enforceable] };
}

export type Enforceability = { readonly enforceable: true; readonly since: string } | { readonly enforceable: false; readonly reason: string };

/**
 * Enforceable once received and its opposition window (and the visa period of an item that needs one) passed
 * without opposition, whether or not the deadline check has recorded it yet. An opposed deliberation waits for
 * the council's new examination; one maintained waits for the court (this context records the referral, not the
 * judgment); a rejected or withdrawn one has nothing to enforce.
 */
export function enforceability(deliberation: Deliberation, now: Date): Enforceability {
  if (deliberation.result.outcome === 'rejected') return { enforceable: false, reason: 'rejected' };
  if (deliberation.state === 'received') {
    const since = deliberation.enforceableSince ?? enforceableSinceAt(deliberation, now);
    if (since) return { enforceable: true, since };
    if (deliberation.visa?.decision?.outcome === 'refused') return { enforceable: false, reason: 'visa-refused' };
    const windowOpen = clockStatusAt(deliberation.receipt!.oppositionClock, 'open', now) !== 'lapsed';
    return { enforceable: false, reason: windowOpen ? 'opposition-window-open' : 'visa-period-running' };
  }
  const reasons: Record<ControlState, string> = {
    adopted: 'not-transmitted',
    transmitted: 'receipt-not-recorded',
    received: 'opposition-window-open',
    opposed: 'opposed',
    maintained: 'awaiting-court',
    withdrawn: 'withdrawn',
    'referred-to-court': 'before-the-court',
  };
  return { enforceable: false, reason: reasons[deliberation.state] };
}
