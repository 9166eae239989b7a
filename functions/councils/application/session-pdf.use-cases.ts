// A session's convocation (per meeting) and minutes PDFs: rendered once from the session's events (convened, closed)
// and stored beside the deliberations'; the downloads serve the stored file to those who may read it, and say 404
// until it is there. A member reads the convocation of their own (the convocation's access rule).
import type { Principal } from '../../shared/auth/principal.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import { notFound } from '../domain/council-errors.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import type { Round } from '../domain/quorum.ts';
import type { Session } from '../domain/session.ts';
import { actorFor, bodyInScope } from './council-access.ts';
import { ownConvocation } from './convocation.use-cases.ts';
import type { CouncilsRepository, PaperStore } from './councils.ports.ts';

export type RenderConvocation = (body: CouncilBody, session: Session, round: Round) => Promise<Uint8Array>;
export type RenderMinutes = (body: CouncilBody, session: Session, deliberations: readonly Deliberation[]) => Promise<Uint8Array>;

export interface SessionPdfKeys {
  convocation(body: string, sessionId: string, round: number): string;
  minutes(body: string, sessionId: string): string;
}

async function sessionOfEvent(repository: CouncilsRepository, event: DomainEvent): Promise<{ body: CouncilBody; session: Session }> {
  const { sessionId, body: bodyId } = event.data as { sessionId: string; body: string };
  const { body, session } = await repository.bodyContext(bodyId, { sessionId });
  if (!body || !session) throw new Error(`session ${sessionId} not found`);
  return { body, session };
}

/** The convocation of the meeting the event convened, rendered once (a redelivery finds it stored). */
export async function storeConvocationPdf(repository: CouncilsRepository, papers: PaperStore, render: RenderConvocation, keys: SessionPdfKeys, event: DomainEvent): Promise<void> {
  const { sessionId, body: bodyId, round } = event.data as { sessionId: string; body: string; round: Round };
  const key = keys.convocation(bodyId, sessionId, round);
  if (await papers.exists(key)) return;
  const { body, session } = await sessionOfEvent(repository, event);
  await papers.put(key, await render(body, session, round));
}

/** The minutes of the session the event closed, with its deliberations, rendered once. */
export async function storeMinutesPdf(repository: CouncilsRepository, papers: PaperStore, render: RenderMinutes, keys: SessionPdfKeys, event: DomainEvent): Promise<void> {
  const { sessionId, body: bodyId } = event.data as { sessionId: string; body: string };
  const key = keys.minutes(bodyId, sessionId);
  if (await papers.exists(key)) return;
  const { body, session } = await sessionOfEvent(repository, event);
  const deliberations = await repository.deliberationsByIds(session.agenda.flatMap((item) => (item.decision ? [item.decision.deliberationId] : [])));
  await papers.put(key, await render(body, session, deliberations));
}

const notIssued = () => notFound({ ar: 'لم تصدر هذه الوثيقة بعد', fr: "Ce document n'est pas encore émis", en: 'This document is not issued yet' });

/** A member's convocation PDF: to its member and the secretariat, as the convocation itself. */
export async function convocationPdf(repository: CouncilsRepository, papers: PaperStore, keys: SessionPdfKeys, bodyId: string, sessionId: string, round: number, member: string, principal: Principal): Promise<Uint8Array> {
  await ownConvocation(repository, bodyId, sessionId, round, member, principal);
  const pdf = await papers.get(keys.convocation(bodyId, sessionId, round));
  if (!pdf) throw notIssued();
  return pdf;
}

const MINUTES_READERS = ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'] as const;

/** A closed session's minutes, to those who may read its deliberations. */
export async function minutesPdf(repository: CouncilsRepository, papers: PaperStore, keys: SessionPdfKeys, bodyId: string, sessionId: string, principal: Principal): Promise<Uint8Array> {
  actorFor(principal, await bodyInScope(repository, bodyId, principal, MINUTES_READERS), MINUTES_READERS);
  const pdf = await papers.get(keys.minutes(bodyId, sessionId));
  if (!pdf) throw notIssued();
  return pdf;
}
