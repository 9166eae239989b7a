// The governor's legality control of a deliberation: transmission (the secretariat), receipt and opposition (the
// governor's office), the visa (the governor's office), the council's new examination, the referral to the
// administrative court. Each reads the deliberation with what its clock needs in one BatchGetItem (the body with it,
// whose territory scopes the governor) and writes one transaction.
import type { Principal } from '../../shared/auth/principal.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { notFound, unknownBody } from '../domain/council-errors.ts';
import { defaultCouncilSettings } from '../domain/council-settings.ts';
import { decideVisa, enforceability, oppose, receive, reexamine, referToCourt, transmit, type Deliberation, type DeliberationChange, type Enforceability, type VisaDecision } from '../domain/deliberation.ts';
import { actorFor, type AccessCheck } from './council-access.ts';
import type { BodyContext, CouncilsRepository } from './councils.ports.ts';

export type DeliberationView = Deliberation & { readonly enforceability: Enforceability };

export const viewOf = (deliberation: Deliberation, now: Date): DeliberationView => ({ ...deliberation, enforceability: enforceability(deliberation, now) });

/**
 * The deliberation with what its step needs, and the actor the step is recorded under: checked on the body (whose
 * territory scopes the governor) before the deliberation's existence is told.
 */
async function load(repository: CouncilsRepository, bodyId: string, id: string, access: AccessCheck, extra: { session?: boolean; holidays?: Date } = {}) {
  const year = extra.holidays ? Number(moroccanDate(extra.holidays).slice(0, 4)) : undefined;
  const sessionId = extra.session ? id.slice(0, id.lastIndexOf('.')) : undefined;
  const context: BodyContext = await repository.bodyContext(bodyId, { deliberationId: id, ...(sessionId && { sessionId }), ...(year && { holidayYears: [year - 1, year, year + 1] }) });
  if (!context.body) throw unknownBody(bodyId);
  const actor = actorFor(access.principal, context.body, access.roles);
  if (!context.deliberation) throw notFound({ ar: `لا مداولة ${id}`, fr: `Aucune délibération ${id}`, en: `No deliberation ${id}` });
  return { ...context, actor, deliberation: context.deliberation, settings: context.settings ?? defaultCouncilSettings(bodyId, context.body.type) };
}

async function saved(repository: CouncilsRepository, change: DeliberationChange, now: Date): Promise<DeliberationView> {
  await repository.saveDeliberation(change);
  return viewOf(change.deliberation, now);
}

export async function readDeliberation(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<DeliberationView> {
  const { deliberation } = await load(repository, bodyId, id, { principal, roles: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'] });
  return viewOf(deliberation, now);
}

export async function transmitDeliberation(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation, session, settings, holidays } = await load(repository, bodyId, id, { principal, roles: ['council-secretary', 'president'] }, { session: true, holidays: now });
  if (!session) throw notFound({ ar: 'لا دورة', fr: 'Aucune session', en: 'No session' });
  return saved(repository, transmit(deliberation, session, settings, holidays, actor, now), now);
}

export async function receiveDeliberation(repository: CouncilsRepository, bodyId: string, id: string, principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation, settings, holidays } = await load(repository, bodyId, id, { principal, roles: ['governor'] }, { holidays: now });
  return saved(repository, receive(deliberation, settings, holidays, actor, now), now);
}

export async function opposeDeliberation(repository: CouncilsRepository, bodyId: string, id: string, reasons: string, principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation } = await load(repository, bodyId, id, { principal, roles: ['governor'] });
  return saved(repository, oppose(deliberation, reasons, actor, now), now);
}

export async function reexamineDeliberation(repository: CouncilsRepository, bodyId: string, id: string, outcome: 'maintained' | 'withdrawn', principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation } = await load(repository, bodyId, id, { principal, roles: ['council-secretary', 'president'] });
  return saved(repository, reexamine(deliberation, outcome, actor, now), now);
}

export async function referDeliberation(repository: CouncilsRepository, bodyId: string, id: string, court: string, reference: string, principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation } = await load(repository, bodyId, id, { principal, roles: ['governor'] });
  return saved(repository, referToCourt(deliberation, court, reference, actor, now), now);
}

export async function decideDeliberationVisa(repository: CouncilsRepository, bodyId: string, id: string, decision: VisaDecision, principal: Principal, now: Date): Promise<DeliberationView> {
  const { actor, deliberation } = await load(repository, bodyId, id, { principal, roles: ['governor'] });
  return saved(repository, decideVisa(deliberation, decision, actor, now), now);
}
