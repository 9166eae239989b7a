// The access-to-information settings of a collectivity (answer periods, whether a clarification stops the clock):
// read by its agents, administrators and auditors, set by an administrator. New periods apply to requests opened
// after them.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { TransparencySettings } from '../domain/transparency-settings.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../domain/recourse.ts';
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

export async function readSettings(repository: TransparencyRepository, commune: string, principal: Principal): Promise<TransparencySettings> {
  const allowed = principal.roles.includes('admin') || principal.roles.includes('auditor') || (principal.roles.includes('agent') && principal.commune === commune);
  if (!allowed) {
    throw new ForbiddenError({
      ar: `لا يطلع على إعدادات الجماعة ${commune} إلا أعوانها والمسيرون والمراقبون`,
      fr: `Les réglages de ${commune} ne se lisent que par ses agents, les administrateurs et les auditeurs`,
      en: `The settings of ${commune} are read only by its agents, administrators and auditors`,
    });
  }
  const { communeExists, settings } = await repository.communeSnapshot(commune, []);
  if (!communeExists) throw unknownCommune(commune);
  return settings;
}

export async function setSettings(
  repository: TransparencyRepository,
  commune: string,
  given: Pick<TransparencySettings, 'periods' | 'clarificationSuspendsClock' | 'recourse' | 'headOfBody'>,
  principal: Principal,
  now: Date,
): Promise<TransparencySettings> {
  const { communeExists, settings } = await repository.communeSnapshot(commune, []);
  if (!communeExists) throw unknownCommune(commune);
  const changed: TransparencySettings = { commune, ...given, recourse: { ...DEFAULT_RECOURSE_PERIODS, ...given.recourse }, version: settings.version + 1, updatedAt: now.toISOString(), updatedBy: { sub: principal.sub, role: 'admin' } };
  await repository.saveSettings(changed);
  return changed;
}
