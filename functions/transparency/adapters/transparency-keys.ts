// Key builders of the transparency table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { instantSortKey } from '../../shared/aws/instant-sort-key.ts';
import type { TableDescription } from '../../shared/service-description.ts';
import { requestStanding, type InformationRequest } from '../domain/information-request.ts';

export const TRANSPARENCY_TABLE_ID = 'transparency';

/**
 * What the lists show of a request (a summary): the indexes copy these of each request, never its identity or any
 * text (an urgent request's justification stays on the request: the summary's `priority` says it is urgent).
 */
export const SUMMARY_ATTRIBUTES = ['commune', 'channel', 'status', 'receivedAt', 'priority', 'clock'] as const;

export const TRANSPARENCY_INDEXES = {
  /** Sparse: a commune's open requests, soonest due first, with their summary. */
  byCommuneQueue: { name: 'byCommuneQueue', partitionKey: 'queuePk', sortKey: 'queueSk', projection: { include: SUMMARY_ATTRIBUTES } },
  /** Sparse: the requests a citizen filed online, by receipt instant, with their summary. */
  byRequester: { name: 'byRequester', partitionKey: 'requesterPk', sortKey: 'requesterSk', projection: { include: SUMMARY_ATTRIBUTES } },
  /** Sparse: the complaints to a commune's president still waiting for an answer, soonest due first. */
  byComplaintQueue: { name: 'byComplaintQueue', partitionKey: 'complaintPk', sortKey: 'complaintSk', projection: { include: ['commune', 'receivedAt', 'internalComplaint'] } },
  /** Sparse: a commune's disclosure log, newest published first, its entries alone (nothing of the requester). */
  byDisclosure: { name: 'byDisclosure', partitionKey: 'disclosurePk', sortKey: 'disclosureSk', projection: { include: ['disclosure'] } },
  /** Sparse: the kit's open-deadline index, requests whose deadline runs, in the shard of their id, by due instant. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
} as const;

export const transparencyKeys = {
  request: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' }),
  history: (id: string) => ({ pk: `REQUEST#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `REQUEST#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  settings: (commune: string) => ({ pk: `SETTINGS#${commune}`, sk: 'SETTINGS' }),
  queue: (commune: string) => `QUEUE#${commune}`,
  complaints: (commune: string) => `COMPLAINTS#${commune}`,
  requester: (sub: string) => `REQUESTER#${sub}`,
  disclosures: (commune: string) => `DISCLOSURE#${commune}`,
  open: (shard: number) => openDeadlinePartition(shard),
} as const;

export function requestIndexAttributes(request: InformationRequest): Record<string, string> {
  const open = requestStanding(request) === 'open';
  const deadline = openDeadlineIndexValues(request.id, request.clock.dueAt);
  return {
    priority: request.urgency ? 'urgent' : 'normal',
    ...(open && { queuePk: transparencyKeys.queue(request.commune), queueSk: instantSortKey(request.clock.dueAt, request.id), openPk: deadline.partition, dueSk: deadline.sort }),
    ...(request.status === 'internal-complaint' &&
      !request.internalComplaint!.answer && {
        complaintPk: transparencyKeys.complaints(request.commune),
        complaintSk: instantSortKey(request.internalComplaint!.answerClock.dueAt, request.id),
      }),
    ...(request.filedBy && { requesterPk: transparencyKeys.requester(request.filedBy), requesterSk: instantSortKey(request.receivedAt, request.id) }),
    ...(request.disclosure && { disclosurePk: transparencyKeys.disclosures(request.commune), disclosureSk: instantSortKey(request.disclosure.publishedAt, request.id) }),
  };
}

/** What the indexes are given besides the request itself, taken off again when it is read. */
export const REQUEST_INDEX_ATTRIBUTES = ['priority', ...Object.values(TRANSPARENCY_INDEXES).flatMap((index) => [index.partitionKey, index.sortKey])];

/** Requests, their history events, the communes' settings and the outbox of their events. */
export const TRANSPARENCY_TABLE: TableDescription = {
  id: TRANSPARENCY_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(TRANSPARENCY_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

export const REQUEST_DEADLINE_WORKFLOW_ID = 'information-request-deadline';
export const REQUEST_SWEEP_WORKFLOW_ID = 'information-request-deadline-sweep';
