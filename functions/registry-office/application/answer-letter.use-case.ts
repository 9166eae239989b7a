// Answering an incoming letter: the recipient's answer is an outgoing letter, numbered in the commune's outgoing
// register, addressed to the sender and linked to the letter it answers; the incoming letter becomes `answered`
// in the same transaction, so neither exists without the other.
import type { Principal } from '../../shared/auth/principal.ts';
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { unknownLetter } from '../domain/registry-office-errors.ts';
import { recipientAgentOf } from '../domain/letter-access.ts';
import { answerLetter, registerLetter, type Channel, type Letter } from '../domain/letter.ts';
import { askingNewSteps, requireApprovals, signatureOfAnswer } from '../domain/letter-steps.ts';
import { idempotencyKeyReused } from './register-letter.use-case.ts';
import { letterIdOf, withNextNumber, type NumberingContext } from './numbering.ts';
import type { RegistryOfficeDependencies } from './registry-office.ports.ts';

export interface AnswerRequest {
  readonly subject: string;
  readonly body?: string;
  /** How the answer is sent: `online` only to a letter lodged online. */
  readonly channel: Channel;
}

export async function answerIncomingLetter(
  dependencies: RegistryOfficeDependencies,
  id: string,
  request: AnswerRequest,
  principal: Principal,
  context: NumberingContext,
): Promise<Letter> {
  const incoming = await dependencies.repository.get(id);
  if (!incoming) throw unknownLetter(id);
  const by = recipientAgentOf(incoming, principal);
  if (request.channel === 'online' && !incoming.lodgedBy) {
    throw new ValidationFailedError(
      { ar: 'لا يُجاب عبر الإنترنت إلا عن رسالة أودعت عبره', fr: "Seul un courrier déposé en ligne reçoit sa réponse en ligne", en: 'Only a letter lodged online is answered online' },
      { fieldIssues: [{ pointer: '/body/channel', code: 'not_lodged_online', detail: { ar: 'قناة غير متاحة', fr: 'Canal indisponible', en: 'Channel not available' } }] },
    );
  }
  const outgoingId = letterIdOf(dependencies, by.sub, context);
  // A retry of the answer that was written: the incoming letter names it.
  if (incoming.answer?.letterId === outgoingId) return replayed(dependencies, outgoingId, incoming);
  // Before a number is taken: an answer not approved by everyone the list asks gets none.
  requireApprovals(incoming);
  const signature = signatureOfAnswer(incoming);
  const written = await withNextNumber(dependencies, { commune: incoming.commune, register: 'outgoing' }, context.now, (snapshot) => {
    const outgoing = registerLetter(
      {
        id: outgoingId,
        commune: incoming.commune,
        register: 'outgoing',
        channel: request.channel,
        ...(incoming.lodgedBy && { lodgedBy: incoming.lodgedBy }),
        ...(incoming.sender && { sender: incoming.sender }),
        subject: request.subject,
        ...(request.body && { body: request.body }),
        ...(incoming.category && { category: incoming.category }),
        confidentiality: incoming.confidentiality,
        priority: incoming.priority,
        answers: { letterId: incoming.id, number: incoming.number },
        ...(signature && { signature }),
      },
      { format: snapshot.settings.numberFormat, sequence: snapshot.lastSequence + 1 },
      by,
      context.now,
    );
    // Its signers are told it awaits them.
    return { change: askingNewSteps(undefined, outgoing, context.now), alongside: answerLetter(incoming, outgoing.letter, by, context.now) };
  });
  return 'created' in written ? written.created.letter : replayed(dependencies, outgoingId, incoming);
}

async function replayed(dependencies: RegistryOfficeDependencies, outgoingId: string, incoming: Letter): Promise<Letter> {
  const first = await dependencies.repository.get(outgoingId);
  if (first?.answers?.letterId !== incoming.id) throw idempotencyKeyReused();
  return first;
}
