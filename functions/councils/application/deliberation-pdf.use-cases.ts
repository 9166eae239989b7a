// Each deliberation's PDF: rendered once from its adoption's event and stored; the download serves the stored file
// to those who may read the deliberation, and says 404 until it is there.
import type { Principal } from '../../shared/auth/principal.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import { notFound } from '../domain/council-errors.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import { actorFor, bodyInScope } from './council-access.ts';
import type { CouncilsRepository, PaperStore } from './councils.ports.ts';

export type RenderDeliberation = (body: CouncilBody, deliberation: Deliberation) => Promise<Uint8Array>;

export async function storeDeliberationPdf(repository: CouncilsRepository, papers: PaperStore, render: RenderDeliberation, keyOf: (body: string, id: string) => string, event: DomainEvent): Promise<void> {
  const { deliberationId, body: bodyId } = event.data as { deliberationId: string; body: string };
  const key = keyOf(bodyId, deliberationId);
  if (await papers.exists(key)) return;
  const { body, deliberation } = await repository.bodyContext(bodyId, { deliberationId });
  if (!body || !deliberation) throw new Error(`deliberation ${deliberationId} not found`);
  await papers.put(key, await render(body, deliberation));
}

const READERS = ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'] as const;

export async function deliberationPdf(repository: CouncilsRepository, papers: PaperStore, keyOf: (body: string, id: string) => string, bodyId: string, id: string, principal: Principal): Promise<Uint8Array> {
  actorFor(principal, await bodyInScope(repository, bodyId, principal, READERS), READERS);
  const pdf = await papers.get(keyOf(bodyId, id));
  if (!pdf) throw notFound({ ar: 'لم تصدر وثيقة هذه المداولة بعد', fr: "Le document de cette délibération n'est pas encore émis", en: 'The document of this deliberation is not issued yet' });
  return pdf;
}
