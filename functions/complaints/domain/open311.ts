// The complaints as Open311 GeoReport v2 shows them: each category a service, each complaint a service request.
// Open311 knows two statuses; ours go in `status_notes` and the `raqmana_status` extension, the answer deadline in
// `expected_datetime`. A public read carries no personal data (Law 09-08): no complainant, no text, no address; the
// point is rounded to 3 decimals (about 100 m) and dropped, with the quarter, for a category about a private matter.
import type { Language } from '../../shared/i18n/language.ts';
import type { Complaint, ComplaintStatus } from './complaint.ts';
import type { ComplaintCategory } from './complaint-settings.ts';
import { publicPhotoIds } from './complaint-photos.ts';

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** Ended for Open311: closed after its answer, or ended at its qualification. */
const CLOSED: readonly ComplaintStatus[] = ['closed', 'inadmissible', 'duplicate'];

export function open311Status(status: ComplaintStatus): Open311Status {
  return CLOSED.includes(status) ? 'closed' : 'open';
}

/** Our statuses behind each Open311 one, for the index's filter. */
export function statusesOf(status: Open311Status): ComplaintStatus[] {
  return (['submitted', 'acknowledged', 'assigned', 'in-progress', 'information-requested', 'transferred', 'answered', 'closed', 'reopened', 'inadmissible', 'duplicate'] as const).filter((ours) => open311Status(ours) === status);
}

export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
}

export function open311Service(category: ComplaintCategory, language: Language): Open311Service {
  return {
    service_code: category.code,
    service_name: category.names[language],
    description: `${category.names.fr} / ${category.names.ar}`,
    // Every service has attributes: the kind (complaint, observation, suggestion) and the quarter.
    metadata: true,
    // Filed at once: POST answers with the request's id.
    type: 'realtime',
    keywords: [category.code, category.names.fr, category.names.ar].join(','),
    group: category.privateMatter ? 'private-matters' : 'public-space',
  };
}

export interface Open311Attribute {
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: 'string' | 'singlevaluelist';
  readonly required: boolean;
  readonly datatype_description: string;
  readonly order: number;
  readonly description: string;
  readonly values?: readonly { readonly key: string; readonly name: string }[];
}

const KIND_NAMES: Readonly<Record<Language, Readonly<Record<Complaint['kind'], string>>>> = {
  ar: { reclamation: 'شكاية', observation: 'ملاحظة', suggestion: 'اقتراح' },
  fr: { reclamation: 'Réclamation', observation: 'Observation', suggestion: 'Suggestion' },
  en: { reclamation: 'Complaint', observation: 'Observation', suggestion: 'Suggestion' },
};

export function open311Definition(category: ComplaintCategory, language: Language): { readonly service_code: string; readonly attributes: readonly Open311Attribute[] } {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'reclamation (the default), observation or suggestion',
        order: 1,
        description: { ar: 'نوع الطلب', fr: 'Nature de la demande', en: 'What it is' }[language],
        values: (['reclamation', 'observation', 'suggestion'] as const).map((key) => ({ key, name: KIND_NAMES[language][key] })),
      },
      {
        variable: true,
        code: 'quarter',
        datatype: 'string',
        required: false,
        datatype_description: 'Up to 120 characters',
        order: 2,
        description: { ar: 'الحي أو الدوار', fr: 'Quartier ou douar', en: 'Quarter or douar' }[language],
      },
    ],
  };
}

/** Where a complaint is, as the public may see it: none for a private matter, never the address. */
export interface PublicPlace {
  readonly quarter?: string;
  readonly lat?: number;
  readonly long?: number;
}

/** About 100 m: close enough to find the street lamp, too coarse to find a home. */
function coarse(degrees: number): number {
  return Math.round(degrees * 1000) / 1000;
}

export function publicPlaceOf(complaint: Pick<Complaint, 'privateMatter' | 'location'>): PublicPlace | undefined {
  const { location } = complaint;
  if (complaint.privateMatter || !location || (!location.quarter && !location.point)) return undefined;
  return { ...(location.quarter && { quarter: location.quarter }), ...(location.point && { lat: coarse(location.point.lat), long: coarse(location.point.long) }) };
}

/** What a public service request shows of a complaint (the index projects just these). */
export type PublicComplaint = Pick<Complaint, 'id' | 'commune' | 'category' | 'kind' | 'status' | 'receivedAt' | 'updatedAt' | 'holder'> & {
  readonly answerDueAt: string;
  readonly publicPlace?: PublicPlace;
  /** Its released photos, whose copies without metadata the public may see; none for a private matter. */
  readonly publicPhotos?: readonly string[];
};

export function publicComplaintOf(complaint: Complaint): PublicComplaint {
  const place = publicPlaceOf(complaint);
  const photos = publicPhotoIds(complaint);
  return {
    id: complaint.id,
    commune: complaint.commune,
    category: complaint.category,
    kind: complaint.kind,
    status: complaint.status,
    receivedAt: complaint.receivedAt,
    updatedAt: complaint.updatedAt,
    answerDueAt: complaint.clocks.answer.dueAt,
    ...(complaint.holder && { holder: complaint.holder }),
    ...(place && { publicPlace: place }),
    ...(photos.length > 0 && { publicPhotos: photos }),
  };
}

export interface Open311Request {
  readonly service_request_id: string;
  readonly status: Open311Status;
  readonly status_notes: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly agency_responsible: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: string;
  readonly address?: string;
  readonly lat?: number;
  readonly long?: number;
  /** Our own status, richer than Open311's two (an extension, prefixed as extensions are). */
  /** A short-lived link to the first released photo's copy without metadata. */
  readonly media_url?: string;
  readonly raqmana_status: ComplaintStatus;
  readonly raqmana_kind: Complaint['kind'];
}

export function open311Request(complaint: PublicComplaint, serviceName: string, mediaUrl?: string): Open311Request {
  const place = complaint.publicPlace;
  return {
    service_request_id: complaint.id,
    status: open311Status(complaint.status),
    status_notes: complaint.status,
    service_name: serviceName,
    service_code: complaint.category,
    agency_responsible: complaint.holder?.name ?? complaint.commune,
    requested_datetime: complaint.receivedAt,
    updated_datetime: complaint.updatedAt,
    expected_datetime: complaint.answerDueAt,
    ...(place?.quarter && { address: place.quarter }),
    ...(place?.lat !== undefined && { lat: place.lat, long: place.long! }),
    ...(mediaUrl && { media_url: mediaUrl }),
    raqmana_status: complaint.status,
    raqmana_kind: complaint.kind,
  };
}
