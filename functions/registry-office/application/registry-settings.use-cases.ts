// The registry settings of a collectivity (number format, processing days): read by its clerks, administrators
// and auditors, set by an administrator. A format is checked before it is kept: two letters must never share a
// number. New processing days apply to letters registered after them. Every version set is kept: administrators and
// auditors read what was in force when.
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { mayReadRegister } from '../domain/letter-access.ts';
import { numberFormatIssues } from '../domain/letter-number.ts';
import type { RegistrySettings } from '../domain/registry-settings.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';


export async function readSettings(repository: RegistryOfficeRepository, commune: string, principal: Principal): Promise<RegistrySettings> {
  if (!mayReadRegister(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على إعدادات مكتب ضبط الجماعة ${commune} إلا كتّابه والمسيرون والمراقبون`,
      fr: `Les réglages du bureau d'ordre de ${commune} ne sont lisibles que par ses agents, les administrateurs et les auditeurs`,
      en: `The registry settings of ${commune} are read only by its clerks, administrators and auditors`,
    });
  }
  const { communeExists, settings } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownCommune(commune);
  return settings;
}

export async function setSettings(
  repository: RegistryOfficeRepository,
  commune: string,
  { numberFormat, processingDays }: Pick<RegistrySettings, 'numberFormat' | 'processingDays'>,
  principal: Principal,
  now: Date,
): Promise<RegistrySettings> {
  const issues = numberFormatIssues(numberFormat, '/body/numberFormat');
  if (issues.length > 0) {
    throw new ValidationFailedError(
      { ar: 'صيغة الترقيم قد تعطي رقما واحدا لرسالتين', fr: 'Ce format pourrait donner le même numéro à deux courriers', en: 'This format could give two letters the same number' },
      { fieldIssues: issues },
    );
  }
  const { communeExists, settings } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownCommune(commune);
  const changed: RegistrySettings = { commune, numberFormat, processingDays, version: settings.version + 1, updatedAt: now.toISOString(), updatedBy: { sub: principal.sub, role: 'admin' } };
  await repository.saveSettings(changed);
  return changed;
}

/** The versions of a commune's settings, oldest first, each with who set it and when: administrators and auditors. */
export async function settingsHistory(repository: RegistryOfficeRepository, commune: string, principal: Principal, page: PageRequest): Promise<Page<RegistrySettings>> {
  if (!principal.roles.includes('admin') && !principal.roles.includes('auditor')) {
    throw new ForbiddenError({
      ar: 'لا يطلع على تاريخ إعدادات مكتب الضبط إلا المسيرون والمراقبون',
      fr: "L'historique des réglages du bureau d'ordre n'est lisible que par les administrateurs et les auditeurs",
      en: 'The history of the registry settings is read only by administrators and auditors',
    });
  }
  const { communeExists } = await repository.loadSettings(commune);
  if (!communeExists) throw unknownCommune(commune);
  return repository.settingsHistory(commune, page);
}
