// The convocations of a meeting: sent to each member in office when the session is convened (from its event, out of
// the request: sixty members are sixty signatures and notifications), each sending and each first reading recorded
// as signed evidence the member sees.
import { createHash } from 'node:crypto';
import { notificationRequested } from '../../notifications/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { attachedPapers, convocationPapers } from '../domain/agenda-papers.ts';
import { membersInOffice } from '../domain/council-body.ts';
import { notFound, unknownBody } from '../domain/council-errors.ts';
import { evidenceStatement, type ConvocationEvidence, type ConvocationRecord } from '../domain/convocation.ts';
import type { Round } from '../domain/quorum.ts';
import type { Session } from '../domain/session.ts';
import { actorFor } from './council-access.ts';
import type { CouncilsRepository, EvidenceSigner, TimestampAuthority } from './councils.ports.ts';

export interface EvidenceTools {
  readonly signer: EvidenceSigner;
  readonly timestamps: TimestampAuthority;
}

/** What the signed statements cover of the agenda: its items and, by their SHA-256, the papers attached to each. */
export function agendaDigest(session: Pick<Session, 'agenda'>): string {
  const agenda = session.agenda.map((item) => ({ number: item.number, title: item.title, public: item.public, papers: attachedPapers(item).map((paper) => paper.sha256) }));
  return createHash('sha256').update(JSON.stringify(agenda)).digest('hex');
}

async function evidence(tools: EvidenceTools, statement: Record<string, unknown>, at: string): Promise<ConvocationEvidence> {
  const jws = await tools.signer.sign(statement);
  return { at, jws, timestamp: await tools.timestamps.stamp(jws) };
}

/** How many members' convocations are signed and written at the same time. */
const CONVOCATIONS_AT_ONCE = 8;

/** Runs `work` on every item, at most `limit` at a time. */
async function atMostAtOnce<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Sends the convocations of the meeting `event` convened: one per member in office, each once whatever the redeliveries. */
export async function sendConvocations(repository: CouncilsRepository, tools: EvidenceTools, event: DomainEvent, now: Date): Promise<number> {
  const { sessionId, body: bodyId, round, start } = event.data as { sessionId: string; body: string; round: Round; start: string };
  const { body, session } = await repository.bodyContext(bodyId, { sessionId });
  if (!body || !session) throw new Error(`convened session ${sessionId} not found`);
  const digest = agendaDigest(session);
  const papers = convocationPapers(session);
  // A redelivered event finds most convocations written: they are not signed again (the put's condition would
  // refuse them anyway). The others are signed and written a few at a time: each waits on a signature (KMS in AWS)
  // and a write, which for a council of sixty members one after another is sixty waits of each.
  const convoked = await repository.convokedMembers(sessionId, round);
  let sent = 0;
  await atMostAtOnce(CONVOCATIONS_AT_ONCE, membersInOffice(body).filter((member) => !convoked.has(member.id)), async (member) => {
    const at = now.toISOString();
    const base = { sessionId, body: bodyId, round, member: member.id, start, agendaDigest: digest };
    const record: ConvocationRecord = { ...base, papers, sent: await evidence(tools, evidenceStatement(base, 'sent', at), at) };
    const notification = member.sub
      ? notificationRequested(
          { ...event, id: `${event.id}/${member.id}` },
          {
            recipient: member.sub,
            topic: 'council-convocation',
            about: { kind: 'council-session', id: sessionId, reference: session.name },
            message: {
              ar: `استدعاء إلى ${session.name} (الاجتماع ${round}) في ${start}، ${session.location}`,
              fr: `Convocation à ${session.name} (réunion ${round}) le ${start}, ${session.location}`,
              en: `Convocation to ${session.name} (meeting ${round}) on ${start}, ${session.location}`,
            },
          },
        )
      : undefined;
    if ((await repository.putConvocation(record, notification)) === 'sent') sent += 1;
  });
  return sent;
}

/** The convocation the principal may read: their own as a member, any as the secretariat or the president. */
export async function ownConvocation(repository: CouncilsRepository, bodyId: string, sessionId: string, round: number, member: string, principal: Principal) {
  const actor = actorFor(principal, bodyId, ['council-member', 'council-secretary', 'president']);
  const context = await repository.bodyContext(bodyId, { convocation: { sessionId, round, member } });
  if (!context.body) throw unknownBody(bodyId);
  const record = context.convocation;
  const own = context.body.members.find((candidate) => candidate.id === member)?.sub === principal.sub;
  if (actor.role === 'council-member' && !own) throw notFound({ ar: 'لا استدعاء', fr: 'Aucune convocation', en: 'No convocation' });
  if (!record) throw notFound({ ar: 'لا استدعاء', fr: 'Aucune convocation', en: 'No convocation' });
  return { record, own };
}

export async function readConvocation(repository: CouncilsRepository, bodyId: string, sessionId: string, round: number, member: string, principal: Principal): Promise<ConvocationRecord> {
  return (await ownConvocation(repository, bodyId, sessionId, round, member, principal)).record;
}

/** The member opens their convocation: the first time is recorded as signed evidence, later times change nothing. */
export async function recordFirstReading(repository: CouncilsRepository, tools: EvidenceTools, bodyId: string, sessionId: string, round: number, member: string, principal: Principal, now: Date): Promise<ConvocationRecord> {
  const { record, own } = await ownConvocation(repository, bodyId, sessionId, round, member, principal);
  if (!own) throw notFound({ ar: 'لا يقرأ الاستدعاء إلا صاحبه', fr: 'Seul son destinataire lit la convocation', en: 'Only its addressee reads the convocation' });
  if (record.read) return record;
  const at = now.toISOString();
  return repository.recordReading({ ...record, read: await evidence(tools, evidenceStatement(record, 'read', at), at) });
}
