// The convocation of one member to one meeting, and the evidence of its sending and of its first reading: each a
// signed statement (what was sent, to whom, when, the digest of the agenda it carried), and the token of a
// timestamping authority where the deployment has one. Pure.
import type { ConvocationPaper } from './agenda-papers.ts';
import type { Round } from './quorum.ts';

export interface TimestampToken {
  /** `none` where the deployment has no RFC 3161 authority; otherwise the authority's name. */
  readonly authority: string;
  /** The authority's token (base64 DER), when there is one. */
  readonly token?: string;
}

export interface ConvocationEvidence {
  readonly at: string;
  /** Compact ES256 JWS of the statement. */
  readonly jws: string;
  readonly timestamp: TimestampToken;
}

export interface ConvocationRecord {
  readonly sessionId: string;
  readonly body: string;
  readonly round: Round;
  readonly member: string;
  readonly start: string;
  /** SHA-256 (hex) of the agenda as convened: the items' numbers, titles and public flags, and their papers' SHA-256. */
  readonly agendaDigest: string;
  /** The papers attached to the agenda when it was sent (a convocation written before papers existed has none). */
  readonly papers?: readonly ConvocationPaper[];
  readonly sent: ConvocationEvidence;
  readonly read?: ConvocationEvidence;
}

export type EvidenceKind = 'sent' | 'read';

/** The statement signed for `kind`: everything a verifier needs to know what the signature proves. */
export function evidenceStatement(record: Pick<ConvocationRecord, 'sessionId' | 'body' | 'round' | 'member' | 'start' | 'agendaDigest'>, kind: EvidenceKind, at: string): Record<string, unknown> {
  return { typ: `council-convocation-${kind}`, body: record.body, session: record.sessionId, round: record.round, member: record.member, meeting: record.start, agenda: record.agendaDigest, at };
}
