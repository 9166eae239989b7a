// Key builders of the complaints table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { soonestOpenDue } from '../../shared/case-clock/domain/case-clocks.ts';
import type { BucketDescription, TableDescription } from '../../shared/service-description.ts';
import { publicPhotoIds } from '../domain/complaint-photos.ts';
import { complaintClocks } from '../domain/complaint-deadlines.ts';
import { OPEN_STATUSES, type Complaint } from '../domain/complaint.ts';
import { publicPlaceOf } from '../domain/open311.ts';
import { cellOf, textKey } from '../domain/complaint-duplicates.ts';

export const COMPLAINTS_TABLE_ID = 'complaints';

/** What a unit's queue shows of each complaint, and nothing more: no complainant, no text, no location. */
export const QUEUE_ATTRIBUTES = ['kind', 'category', 'status', 'receivedAt', 'lapses', 'remindersSent', 'holder', 'assignment', 'acknowledgmentDueAt', 'answerDueAt', 'suggestedDuplicates'] as const;

/** What a public read shows of each complaint: no complainant, text or address; its released photos by their id. */
export const PUBLIC_ATTRIBUTES = ['commune', 'category', 'kind', 'status', 'receivedAt', 'updatedAt', 'holder', 'answerDueAt', 'publicPlace', 'publicPhotos'] as const;

/** What a citizen's list of their own complaints shows of each. */
export const MINE_ATTRIBUTES = ['commune', 'kind', 'category', 'status', 'receivedAt', 'updatedAt', 'acknowledgmentDueAt', 'answerDueAt'] as const;

export const COMPLAINTS_INDEXES = {
  /** Sparse: a unit's open complaints, oldest received first, with what its queue shows. */
  byUnitQueue: { name: 'byUnitQueue', partitionKey: 'queuePk', sortKey: 'queueSk', projection: { include: QUEUE_ATTRIBUTES } },
  /**
   * Every complaint a collectivity holds, by receipt instant, with what a public Open311 read shows of it (its
   * place coarsened beforehand): `requests.json` over a window is one Query.
   */
  byJurisdiction: { name: 'byJurisdiction', partitionKey: 'jurisdictionPk', sortKey: 'jurisdictionSk', projection: { include: PUBLIC_ATTRIBUTES } },
  /** Sparse: open complaints with a point, by collectivity, category and grid cell, with their point (duplicates). */
  byNearCell: { name: 'byNearCell', partitionKey: 'nearPk', sortKey: 'nearSk', projection: { include: ['location'] } },
  /** Sparse: open complaints by collectivity and the key of their normalized text (duplicates); keys only. */
  bySameText: { name: 'bySameText', partitionKey: 'textPk', sortKey: 'textSk', projection: 'keys-only' },
  /** Sparse: the complaints qualified as duplicates of one, with who filed them, so they are told its answer. */
  byDuplicateOf: { name: 'byDuplicateOf', partitionKey: 'duplicateOfPk', sortKey: 'duplicateOfSk', projection: { include: ['complainant'] } },
  /** Sparse: the complaints a signed-in citizen filed, by receipt instant, with what their list shows. */
  byComplainant: { name: 'byComplainant', partitionKey: 'complainantPk', sortKey: 'complainantSk', projection: { include: MINE_ATTRIBUTES } },
  /** Sparse: the kit's open-deadline index, by the soonest deadline still open, in the shard of the id. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
} as const;

export const complaintsKeys = {
  complaint: (id: string) => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  history: (id: string) => ({ pk: `COMPLAINT#${id}`, skPrefix: 'EVENT#' }),
  event: (id: string, version: number) => ({ pk: `COMPLAINT#${id}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  settings: (commune: string) => ({ pk: `SETTINGS#${commune}`, sk: 'SETTINGS' }),
  queue: (commune: string) => `QUEUE#${commune}`,
  jurisdiction: (commune: string) => `JURISDICTION#${commune}`,
  near: (commune: string, category: string, cell: string) => `NEAR#${commune}#${category}#${cell}`,
  sameText: (commune: string, key: string) => `TEXT#${commune}#${key}`,
  duplicateOf: (id: string) => `DUPLICATE_OF#${id}`,
  complainant: (sub: string) => `COMPLAINANT#${sub}`,
  /** `<receipt instant in UTC>#<id>`: receipt instants carry Morocco's offset, which does not sort; UTC does. */
  byReceipt: (complaint: Pick<Complaint, 'receivedAt' | 'id'>) => `${new Date(complaint.receivedAt).toISOString()}#${complaint.id}`,
  open: (shard: number) => openDeadlinePartition(shard),
  /** A collectivity's open figures of the complaints received in a year. */
  figures: (commune: string, year: number) => ({ pk: `FIGURES#${commune}#${year}`, sk: 'FIGURES' }),
  /** The marker of an event added to the figures: its redelivery adds nothing. */
  counted: (eventId: string) => ({ pk: `COUNTED#${eventId}`, sk: 'COUNTED' }),
  /** The attribute of a figure of one category; the figure's own name holds the total. */
  categoryCounter: (counter: string, category: string) => `${counter}@${category}`,
  /** The pointer from a follow-up token's digest to the complaint filed without signing in. */
  followUp: (digest: string) => ({ pk: `FOLLOW-UP#${digest}`, sk: 'FOLLOW-UP' }),
  /** A read of a photo as it was taken, in the complaint's partition: `PHOTO-READ#<instant>#<photo id>#<reader>`. */
  photoRead: (id: string, photoId: string, at: string, readerSub: string) => ({ pk: `COMPLAINT#${id}`, sk: `PHOTO-READ#${at}#${photoId}#${readerSub}` }),
} as const;

/** Markers of counted events outlive any redelivery (a stream keeps records 24 hours). */
export const COUNTED_MARKER_RETENTION_SECONDS = 7 * 24 * 3600;

export function complaintIdOf(item: Record<string, unknown>): string {
  return String(item.pk).slice('COMPLAINT#'.length);
}

/** The index attributes of a complaint, and the due instants its queue shows at the top level. */
export function complaintIndexAttributes(complaint: Complaint): Record<string, unknown> {
  const due = soonestOpenDue(complaintClocks(complaint));
  const open = due && openDeadlineIndexValues(complaint.id, due);
  const place = publicPlaceOf(complaint);
  const photos = publicPhotoIds(complaint);
  return {
    acknowledgmentDueAt: complaint.clocks.acknowledgment.dueAt,
    answerDueAt: complaint.clocks.answer.dueAt,
    ...(place && { publicPlace: place }),
    ...(photos.length > 0 && { publicPhotos: photos }),
    jurisdictionPk: complaintsKeys.jurisdiction(complaint.commune),
    jurisdictionSk: complaintsKeys.byReceipt(complaint),
    ...(OPEN_STATUSES.includes(complaint.status) && openIndexAttributes(complaint)),
    ...(open && { openPk: open.partition, dueSk: open.sort }),
    ...(complaint.complainant && { complainantPk: complaintsKeys.complainant(complaint.complainant), complainantSk: complaintsKeys.byReceipt(complaint) }),
    ...(complaint.qualification?.duplicateOf && { duplicateOfPk: complaintsKeys.duplicateOf(complaint.qualification.duplicateOf), duplicateOfSk: complaintsKeys.byReceipt(complaint) }),
  };
}

/** The entries of a complaint still open: the unit's queue, and where a new complaint looks for its duplicates. */
function openIndexAttributes(complaint: Complaint): Record<string, string> {
  const point = complaint.location?.point;
  const key = textKey(complaint.text);
  const sort = complaintsKeys.byReceipt(complaint);
  return {
    queuePk: complaintsKeys.queue(complaint.commune),
    queueSk: sort,
    ...(point && { nearPk: complaintsKeys.near(complaint.commune, complaint.category, cellOf(point)), nearSk: sort }),
    ...(key && { textPk: complaintsKeys.sameText(complaint.commune, key), textSk: sort }),
  };
}

export const COMPLAINT_INDEX_ATTRIBUTES = ['acknowledgmentDueAt', 'answerDueAt', 'publicPlace', 'publicPhotos', ...Object.values(COMPLAINTS_INDEXES).flatMap((index) => [index.partitionKey, index.sortKey])];

/** Complaints, their history events, the communes' complaints settings and the outbox of their events. */
export const COMPLAINTS_TABLE: TableDescription = {
  id: COMPLAINTS_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(COMPLAINTS_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};

export const COMPLAINT_PHOTOS_BUCKET_ID = 'complaint-photos';

/** Photos come from citizens' phones: scanned for malware before anyone but their complainant gets them. */
export const COMPLAINT_PHOTOS_BUCKET: BucketDescription = { id: COMPLAINT_PHOTOS_BUCKET_ID, malwareScan: true, browserTransfers: true };

/** A photo as uploaded, read by its complainant and unit; its copy without metadata, the only one the public gets. */
export const photoObjectKey = (complaintId: string, photoId: string, copy: 'original' | 'public') => `complaints/${complaintId}/${photoId}/${copy}`;

export const COMPLAINT_DEADLINE_WORKFLOW_ID = 'complaint-deadlines';
export const COMPLAINT_SWEEP_WORKFLOW_ID = 'complaint-deadline-sweep';
