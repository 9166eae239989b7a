// Following a complaint filed without signing in: the filing hands out a token once, and only its SHA-256 is
// stored (under which the complaint is found), as the registry office keeps only its lookup codes' digests. A token
// carries 256 random bits, so a plain SHA-256 is enough: there is nothing to guess by trying. What the token shows
// is where the complaint stands and its answer, never the contact nor what the unit wrote among itself. Pure.
import { createHash } from 'node:crypto';
import type { Complaint } from './complaint.ts';

/** 43 base64url characters: 32 random bytes. */
export const FOLLOW_UP_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function followUpTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface FollowUpView {
  readonly id: string;
  readonly commune: string;
  readonly kind: Complaint['kind'];
  readonly category: string;
  readonly status: Complaint['status'];
  readonly receivedAt: string;
  readonly acknowledgmentDueAt: string;
  readonly answerDueAt: string;
  readonly acknowledgment?: { readonly at: string; readonly late: boolean };
  readonly qualification?: { readonly decision: NonNullable<Complaint['qualification']>['decision']; readonly reason?: string };
  /** Who holds the file after a transfer. */
  readonly holder?: Complaint['holder'];
  readonly answer?: { readonly text: string; readonly signedBy: string; readonly at: string };
  readonly closedAt?: string;
}

export function followUpViewOf(complaint: Complaint): FollowUpView {
  const { acknowledgment, qualification, answer } = complaint;
  return {
    id: complaint.id,
    commune: complaint.commune,
    kind: complaint.kind,
    category: complaint.category,
    status: complaint.status,
    receivedAt: complaint.receivedAt,
    acknowledgmentDueAt: complaint.clocks.acknowledgment.dueAt,
    answerDueAt: complaint.clocks.answer.dueAt,
    ...(acknowledgment && { acknowledgment: { at: acknowledgment.at, late: acknowledgment.late } }),
    ...(qualification && { qualification: { decision: qualification.decision, ...(qualification.reason && { reason: qualification.reason }) } }),
    ...(complaint.holder && { holder: complaint.holder }),
    ...(answer && { answer: { text: answer.text, signedBy: answer.signedBy, at: answer.at } }),
    ...(complaint.closure && { closedAt: complaint.closure.at }),
  };
}
