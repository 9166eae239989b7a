// A collectivity's complaints settings (categories with their deadlines, the reopening window, the reminders): read
// by its unit, administrators and auditors, set by an administrator. New periods apply to complaints filed after.
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { mayReadSettings } from '../domain/complaint-access.ts';
import type { ComplaintSettings } from '../domain/complaint-settings.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';


export async function readComplaintSettings(repository: ComplaintsRepository, commune: string, principal: Principal): Promise<ComplaintSettings> {
  if (!mayReadSettings(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على إعدادات شكايات ${commune} إلا المكلفون بها والمسيرون والمراقبون`,
      fr: `Les réglages des réclamations de ${commune} ne sont lisibles que par sa cellule, les administrateurs et les auditeurs`,
      en: `The complaints settings of ${commune} are read only by its unit, administrators and auditors`,
    });
  }
  const { communeExists, settings } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownCommune(commune);
  return settings;
}

export type EditableSettings = Pick<ComplaintSettings, 'categories' | 'reopenWindowDays' | 'reminderDaysBefore' | 'duplicateRadiusMeters' | 'anonymousFiling' | 'territory' | 'mediatorAnswerDays'>;

export async function setComplaintSettings(repository: ComplaintsRepository, commune: string, edited: EditableSettings, principal: Principal, now: Date): Promise<ComplaintSettings> {
  const seen = new Set<string>();
  const repeated = edited.categories.findIndex(({ code }) => seen.has(code) || !seen.add(code));
  if (repeated >= 0) {
    throw new ValidationFailedError(
      { ar: 'رمز الصنف مكرر', fr: 'Un code de catégorie est répété', en: 'A category code is repeated' },
      { fieldIssues: [{ pointer: `/body/categories/${repeated}/code`, code: 'repeated_code', detail: { ar: 'رمز مكرر', fr: 'Code répété', en: 'Repeated code' } }] },
    );
  }
  const { communeExists, settings } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownCommune(commune);
  const changed: ComplaintSettings = { commune, ...edited, version: settings.version + 1, updatedAt: now.toISOString(), updatedBy: { sub: principal.sub, role: 'admin' } };
  await repository.saveSettings(changed);
  return changed;
}
