// Filing a complaint, an observation or a suggestion: online by a signed-in citizen, or opened from a letter the
// registry office handed over, its clocks started at the registry's receipt instant. Everything that can refuse
// it (the commune, the category) is checked before it is written; a retry with the same key meets the first write.
import { ForbiddenError, IdempotencyKeyReusedError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { storedAsRequested } from '../../shared/http/same-request.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { fileComplaint, type Actor, type Complaint, type NewComplaint } from '../domain/complaint.ts';
import { categoryOf, defaultComplaintSettings, type ComplaintSettings } from '../domain/complaint-settings.ts';
import { followUpTokenDigest, followUpViewOf, type FollowUpView } from '../domain/follow-up.ts';
import { unknownCommuneAt } from '../../shared/errors/unknown-commune.ts';
import { outsideCommune, withinTerritory } from '../domain/commune-territory.ts';
import type { ComplaintsDependencies } from './complaints.ports.ts';

export type ComplaintRequest = Omit<NewComplaint, 'id'>;

function unknownCategory(category: string, commune: string): ValidationFailedError {
  return new ValidationFailedError(
    { ar: `الصنف ${category} غير معروف لدى ${commune}`, fr: `La catégorie ${category} n'existe pas à ${commune}`, en: `Category ${category} does not exist in ${commune}` },
    { fieldIssues: [{ pointer: '/body/category', code: 'unknown_category', detail: { ar: 'صنف غير معروف', fr: 'Catégorie inconnue', en: 'Unknown category' } }] },
  );
}

/** What a filing other than a signed-in citizen's adds: a rule of the settings to meet, the follow-up token's digest. */
export interface FilingTerms {
  readonly admitted?: (settings: ComplaintSettings) => void;
  readonly followUpDigest?: string;
  /** Where the request gave the point, to name it if it is outside the commune (Open311 gives `lat` and `long`). */
  readonly pointField?: string;
}

/**
 * Files `request` received at `receivedAt` under `id`. Resolves the complaint written, by this call or by an
 * earlier one with the same id (`sameAsBefore` tells whether that one asked for the same), and whether this call wrote it.
 */
export async function fileComplaintAs(
  dependencies: ComplaintsDependencies,
  id: string,
  request: ComplaintRequest,
  by: Actor,
  at: { readonly receivedAt: Date; readonly now: Date },
  sameAsBefore: (existing: Complaint) => boolean,
  terms: FilingTerms = {},
): Promise<{ readonly complaint: Complaint; readonly created: boolean }> {
  const year = Number(moroccanDate(at.receivedAt).slice(0, 4));
  const snapshot = await dependencies.repository.loadFiling(request.commune, [year, year + 1]);
  if (!snapshot.communeExists) throw unknownCommuneAt(request.commune, '/body/commune');
  terms.admitted?.(snapshot.settings);
  const category = categoryOf(snapshot.settings, request.category);
  if (!category) throw unknownCategory(request.category, request.commune);
  const point = request.location?.point;
  const { territory } = snapshot.settings;
  if (point && territory && !withinTerritory(point, territory)) throw outsideCommune(request.commune, terms.pointField ?? '/body/location/point');
  // Settings stored before the duplicate radius was data have none: the default applies to them.
  const defaults = defaultComplaintSettings(request.commune);
  const { reopenWindowDays, reminderDaysBefore, duplicateRadiusMeters = defaults.duplicateRadiusMeters, mediatorAnswerDays = defaults.mediatorAnswerDays } = snapshot.settings;
  const rules = { reopenWindowDays, reminderDaysBefore, duplicateRadiusMeters, mediatorAnswerDays };
  const change = fileComplaint({ ...request, id }, { category, rules }, at.receivedAt, snapshot.holidays, by, at.now);
  if ((await dependencies.repository.create(change, terms.followUpDigest)) === 'created') return { complaint: change.complaint, created: true };
  const first = await dependencies.repository.get(id);
  if (!first || !sameAsBefore(first)) {
    throw new IdempotencyKeyReusedError({
      ar: 'مفتاح عدم التكرار هذا استُعمل لإيداع شكاية أخرى',
      fr: "Cette clé d'idempotence a déjà servi pour une autre réclamation",
      en: 'This Idempotency-Key was used to file another complaint',
    });
  }
  return { complaint: first, created: false };
}

/** A signed-in citizen files online: received now; the Idempotency-Key names the complaint. */
export async function fileOnline(
  dependencies: ComplaintsDependencies,
  request: Omit<ComplaintRequest, 'channel' | 'complainant'>,
  citizen: string,
  context: { readonly now: Date; readonly idempotencyKey?: string; readonly pointField?: string },
): Promise<Complaint> {
  const id = context.idempotencyKey ? dependencies.identifiers.complaintIdFor(citizen, context.idempotencyKey) : dependencies.identifiers.newComplaintId();
  const filed: ComplaintRequest = { ...request, channel: 'online', complainant: citizen };
  const { complaint } = await fileComplaintAs(
    dependencies,
    id,
    filed,
    { sub: citizen, role: 'citizen' },
    { receivedAt: context.now, now: context.now },
    (existing) => existing.filedBy.sub === citizen && storedAsRequested(existing, filed),
    context.pointField ? { pointField: context.pointField } : {},
  );
  return complaint;
}

function anonymousFilingClosed(commune: string): ForbiddenError {
  return new ForbiddenError({
    ar: `لا تقبل الجماعة ${commune} الشكايات دون تسجيل الدخول؛ سجلوا الدخول لإيداعها`,
    fr: `${commune} ne reçoit pas de réclamation sans connexion ; connectez-vous pour la déposer`,
    en: `${commune} takes no complaint without signing in; sign in to file it`,
  });
}

/**
 * Anyone files without signing in where the commune allows it, giving a contact (for the unit alone): received now.
 * The follow-up token is handed out once, with the filing that created the complaint; a retry with the same
 * Idempotency-Key meets the complaint but no longer gets the token (only its digest is kept).
 */
export async function fileAnonymously(
  dependencies: ComplaintsDependencies,
  request: Omit<ComplaintRequest, 'channel' | 'complainant'> & Required<Pick<ComplaintRequest, 'contact'>>,
  context: { readonly now: Date; readonly idempotencyKey?: string },
): Promise<{ readonly complaint: FollowUpView; readonly followUpToken?: string }> {
  const id = context.idempotencyKey ? dependencies.identifiers.complaintIdFor('anonymous', context.idempotencyKey) : dependencies.identifiers.newComplaintId();
  const token = dependencies.identifiers.newFollowUpToken();
  const filed: ComplaintRequest = { ...request, channel: 'anonymous' };
  const by: Actor = { sub: 'anonymous', role: 'anonymous' };
  const { complaint, created } = await fileComplaintAs(dependencies, id, filed, by, { receivedAt: context.now, now: context.now }, (existing) => existing.channel === 'anonymous' && storedAsRequested(existing, filed), {
    admitted: (settings) => {
      if (!settings.anonymousFiling) throw anonymousFilingClosed(request.commune);
    },
    followUpDigest: followUpTokenDigest(token),
  });
  return { complaint: followUpViewOf(complaint), ...(created && { followUpToken: token }) };
}
