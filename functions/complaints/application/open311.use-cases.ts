// Open311 GeoReport v2 over the complaints: the services of a jurisdiction (a commune's categories) and their
// definitions, a request filed by a signed-in citizen, and the public reads of requests, which show no personal data.
import { NotFoundError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Language } from '../../shared/i18n/language.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { ComplaintKind } from '../domain/complaint.ts';
import { categoryOf, type ComplaintSettings } from '../domain/complaint-settings.ts';
import { open311Definition, open311Request, open311Service, publicComplaintOf, statusesOf, type Open311Request, type Open311Service, type Open311Status, type PublicComplaint } from '../domain/open311.ts';
import { fileOnline } from './file-complaint.use-case.ts';
import type { ComplaintsDependencies, ComplaintsRepository } from './complaints.ports.ts';

const DAY = 86_400_000;
/** The longest window `requests.json` answers for, and the one it answers when none is asked (the standard's 90 days). */
export const REQUESTS_WINDOW_DAYS = 90;

const unknownJurisdiction = (commune: string) =>
  new NotFoundError({ ar: `لا توجد جماعة ${commune}`, fr: `Aucune collectivité ${commune}`, en: `No jurisdiction ${commune}` });

async function settingsOf(repository: ComplaintsRepository, commune: string): Promise<ComplaintSettings> {
  const { communeExists, settings } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownJurisdiction(commune);
  return settings;
}

/** A short-lived link to a photo's copy without metadata (presigned: no request to storage). */
export type PublicPhotoLink = (complaintId: string, photoId: string) => Promise<string>;

/** Without `photoLink`, no `media_url` (the token route answers only the id). */
function publicRequests(settings: ComplaintSettings, language: Language, photoLink?: PublicPhotoLink): (complaints: readonly PublicComplaint[]) => Promise<Open311Request[]> {
  // A category the commune has since removed keeps its code as its name.
  const nameOf = (complaint: PublicComplaint) => categoryOf(settings, complaint.category)?.names[language] ?? complaint.category;
  return (complaints) =>
    Promise.all(
      complaints.map(async (complaint) => {
        const photo = complaint.publicPhotos?.[0];
        return open311Request(complaint, nameOf(complaint), photo && photoLink ? await photoLink(complaint.id, photo) : undefined);
      }),
    );
}

export async function open311Services(repository: ComplaintsRepository, commune: string, language: Language): Promise<Open311Service[]> {
  return (await settingsOf(repository, commune)).categories.map((category) => open311Service(category, language));
}

export async function open311ServiceDefinition(repository: ComplaintsRepository, commune: string, code: string, language: Language) {
  const category = categoryOf(await settingsOf(repository, commune), code);
  if (!category) throw new NotFoundError({ ar: `لا توجد خدمة ${code}`, fr: `Aucun service ${code}`, en: `No service ${code}` });
  return open311Definition(category, language);
}

export interface Open311Filing {
  readonly jurisdiction_id: string;
  readonly service_code: string;
  readonly description: string;
  readonly lat?: number;
  readonly long?: number;
  readonly address_string?: string;
  readonly 'attribute[kind]'?: ComplaintKind;
  readonly 'attribute[quarter]'?: string;
}

/**
 * A service request is a complaint filed online by the signed-in citizen; the standard's contact fields (name,
 * e-mail, phone, device) are not kept, the token's identity being the complainant. It is created at once, so its
 * token is its id.
 */
export async function fileOpen311Request(dependencies: ComplaintsDependencies, filing: Open311Filing, citizen: string, context: { readonly now: Date; readonly idempotencyKey?: string }) {
  const quarter = filing['attribute[quarter]'];
  const location = {
    ...(filing.lat !== undefined && filing.long !== undefined && { point: { lat: filing.lat, long: filing.long } }),
    ...(filing.address_string && { address: filing.address_string }),
    ...(quarter && { quarter }),
  };
  const complaint = await fileOnline(
    dependencies,
    {
      commune: filing.jurisdiction_id,
      kind: filing['attribute[kind]'] ?? 'reclamation',
      category: filing.service_code,
      text: filing.description,
      ...(Object.keys(location).length > 0 && { location }),
    },
    citizen,
    { ...context, pointField: '/body/lat' },
  );
  const notice = `Accusé de réception dû le ${complaint.clocks.acknowledgment.dueDate}, réponse due le ${complaint.clocks.answer.dueDate}`;
  return [{ service_request_id: complaint.id, token: complaint.id, service_notice: notice }];
}

export interface RequestsQuery {
  readonly jurisdiction_id: string;
  readonly service_request_id?: readonly string[];
  readonly service_code?: readonly string[];
  readonly start_date?: Date;
  readonly end_date?: Date;
  readonly status?: readonly Open311Status[];
}

function receiptWindow(query: RequestsQuery, now: Date): { from: Date; to: Date } {
  const to = query.end_date ?? (query.start_date ? new Date(query.start_date.getTime() + REQUESTS_WINDOW_DAYS * DAY) : now);
  const from = query.start_date ?? new Date(to.getTime() - REQUESTS_WINDOW_DAYS * DAY);
  if (to.getTime() < from.getTime() || to.getTime() - from.getTime() > REQUESTS_WINDOW_DAYS * DAY) {
    throw new ValidationFailedError(
      { ar: 'يجب أن يكون end_date بعد start_date بتسعين يوما على الأكثر', fr: 'end_date doit suivre start_date de 90 jours au plus', en: 'end_date must follow start_date by at most 90 days' },
      { fieldIssues: [{ pointer: '/query/end_date', code: 'window_too_long', detail: { ar: '90 يوما على الأكثر', fr: '90 jours au plus', en: 'At most 90 days' } }] },
    );
  }
  return { from, to };
}

/**
 * Requests by id (the other filters then ignored, as the standard says), or those received in a window of at most
 * 90 days (the last 90 by default), oldest first, with the service codes and statuses asked.
 */
export async function open311Requests(repository: ComplaintsRepository, photoLink: PublicPhotoLink, query: RequestsQuery, language: Language, page: PageRequest, now: Date): Promise<Page<Open311Request>> {
  if (query.service_request_id) {
    const { communeExists, settings, complaints } = await repository.publicRead(query.jurisdiction_id, query.service_request_id);
    if (!communeExists) throw unknownJurisdiction(query.jurisdiction_id);
    const held = complaints.filter((complaint) => complaint.commune === query.jurisdiction_id).map(publicComplaintOf);
    return { items: await publicRequests(settings, language, photoLink)(held) };
  }
  const received = receiptWindow(query, now);
  const settings = await settingsOf(repository, query.jurisdiction_id);
  const statuses = query.status && [...new Set(query.status.flatMap(statusesOf))];
  const found = await repository.jurisdictionRequests(query.jurisdiction_id, received, { ...(statuses && { statuses }), ...(query.service_code && { categories: query.service_code }) }, page);
  return { ...found, items: await publicRequests(settings, language, photoLink)(found.items) };
}

/** One request of the jurisdiction holding it, as a list of one (the standard's shape). */
export async function open311RequestById(repository: ComplaintsRepository, commune: string, id: string, language: Language, photoLink?: PublicPhotoLink): Promise<Open311Request[]> {
  const { communeExists, settings, complaints } = await repository.publicRead(commune, [id]);
  if (!communeExists) throw unknownJurisdiction(commune);
  const complaint = complaints.find((candidate) => candidate.commune === commune);
  if (!complaint) throw new NotFoundError({ ar: `لا يوجد طلب ${id}`, fr: `Aucune demande ${id}`, en: `No service request ${id}` });
  return publicRequests(settings, language, photoLink)([publicComplaintOf(complaint)]);
}
