// What follows a permit change, out of its transaction: its counters join the figures, a change that (re)starts
// the clock hands the permit to a deadline workflow, and the applicant's papers are issued (the receipt of a filing,
// the certificate of a deemed approval). Each is idempotent, as events may be delivered twice.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { CLOCK_STARTING_EVENTS, COUNTED_EVENTS, type PermitChanged, type PermitEventName } from '../domain/permit-events.ts';
import type { PermitsWithWorkflow } from './file-permit.use-case.ts';
import { issueCertificate, issueReceipt, type PermitPapersIssuing } from './permit-papers.use-cases.ts';

/** Changes after which the applicant gets a paper: the filing's receipt, the certificate of a deemed approval. */
const PAPER_EVENTS: readonly PermitEventName[] = ['permit.filed', 'permit.deadline-lapsed', 'permit.deemed-approval-invoked'];

/** Every permit event something follows: the subscription of the function that follows them. */
export const FOLLOWED_PERMIT_EVENTS: readonly PermitEventName[] = [...new Set([...COUNTED_EVENTS, ...CLOCK_STARTING_EVENTS, ...PAPER_EVENTS])];

export interface PermitsFollowing extends PermitsWithWorkflow {
  readonly papers: PermitPapersIssuing;
}

/**
 * Issues the paper the change calls for, dated at the change; a redelivery finds it in the register, which keeps
 * the first one. A deadline that lapsed under a procedure approved on request calls for none yet.
 */
async function issuePapers(dependencies: PermitsFollowing, event: DomainEvent<PermitChanged>): Promise<void> {
  const permit = await dependencies.repository.get(event.data.permitId);
  if (!permit) return;
  const context = { now: new Date(event.occurredAt), by: event.type === 'permit.deadline-lapsed' ? 'system' : permit.applicant, requestId: event.id };
  if (event.type === 'permit.filed') await issueReceipt(dependencies.papers, permit, context);
  else await issueCertificate(dependencies.papers, permit, context);
}

export async function followPermitEvent(dependencies: PermitsFollowing, event: DomainEvent<PermitChanged>): Promise<void> {
  const type = event.type as PermitEventName;
  if (COUNTED_EVENTS.includes(type)) await dependencies.repository.count(event);
  // The workflow named after the version re-reads the permit: a start for a version whose clock no longer runs just ends.
  if (event.data.startsWorkflow) await dependencies.workflow.watch(event.data.permitId, event.data.version);
  if (PAPER_EVENTS.includes(type)) await issuePapers(dependencies, event);
}
